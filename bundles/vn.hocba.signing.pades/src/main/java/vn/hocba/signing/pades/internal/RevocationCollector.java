package vn.hocba.signing.pades.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Fetches the revocation data of certificates from the URLs in them: OCSP (AIA) where offered, else the CRL
 * (distribution points). Self-signed certificates and OCSP responders marked ocsp-nocheck need none.
 */
final class RevocationCollector {

    private final int timeoutMillis;
    private final SecureRandom random = new SecureRandom();

    RevocationCollector(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** What goes into a DSS dictionary. */
    record Material(Map<String, X509Certificate> certificates, List<byte[]> crls, List<byte[]> ocspResponses) {
    }

    /** Collects certificates (the given ones, plus responders') and revocation data for each, fetched now. */
    Material collect(Collection<X509Certificate> certificates) throws IOException {
        Map<String, X509Certificate> certs = new LinkedHashMap<>();
        for (X509Certificate c : certificates) {
            certs.putIfAbsent(Certificates.sha256Hex(c), c);
        }
        List<byte[]> crls = new ArrayList<>();
        List<byte[]> ocsps = new ArrayList<>();
        Map<String, Boolean> fetchedCrls = new LinkedHashMap<>();
        for (X509Certificate cert : List.copyOf(certs.values())) {
            if (Certificates.selfSigned(cert) || cert.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId()) != null) {
                continue;
            }
            X509Certificate issuer = Certificates.issuerOf(cert, certs.values());
            byte[] ocsp = null;
            String ocspUrl = ocspUrl(cert);
            if (ocspUrl != null && issuer != null) {
                ocsp = fetchOcsp(ocspUrl, cert, issuer);
            }
            if (ocsp != null) {
                ocsps.add(ocsp);
                for (X509Certificate responder : responderCertificates(ocsp)) {
                    certs.putIfAbsent(Certificates.sha256Hex(responder), responder);
                }
                continue;
            }
            for (String url : crlUrls(cert)) {
                if (fetchedCrls.putIfAbsent(url, Boolean.TRUE) == null) {
                    byte[] crl = Http.get(url, timeoutMillis);
                    parseCrl(crl); // refuse garbage before it goes into a document
                    crls.add(crl);
                }
            }
        }
        return new Material(certs, crls, ocsps);
    }

    private byte[] fetchOcsp(String url, X509Certificate cert, X509Certificate issuer) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
            OCSPReqBuilder b = new OCSPReqBuilder().addRequest(id);
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            b.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(nonce))));
            byte[] der = Http.post(url, b.build().getEncoded(), "application/ocsp-request", timeoutMillis);
            OCSPResp resp = new OCSPResp(der);
            return resp.getStatus() == OCSPResp.SUCCESSFUL ? der : null;
        } catch (Exception e) {
            return null; // fall back to the CRL
        }
    }

    static List<X509Certificate> responderCertificates(byte[] ocspResponse) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(ocspResponse).getResponseObject();
            for (X509CertificateHolder h : basic.getCerts()) {
                out.add(new JcaX509CertificateConverter().getCertificate(h));
            }
        } catch (Exception e) {
            // no certificates to add
        }
        return out;
    }

    static X509CRL parseCrl(byte[] der) throws IOException {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IOException("not a CRL", e);
        }
    }

    static String ocspUrl(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (ext == null) {
            return null;
        }
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(DEROctetString.getInstance(ext).getOctets());
        for (AccessDescription d : aia.getAccessDescriptions()) {
            if (X509ObjectIdentifiers.id_ad_ocsp.equals(d.getAccessMethod())
                    && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                return ASN1IA5String.getInstance(d.getAccessLocation().getName()).getString();
            }
        }
        return null;
    }

    static List<String> crlUrls(X509Certificate cert) {
        List<String> urls = new ArrayList<>();
        byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return urls;
        }
        CRLDistPoint dps = CRLDistPoint.getInstance(DEROctetString.getInstance(ext).getOctets());
        for (DistributionPoint dp : dps.getDistributionPoints()) {
            DistributionPointName name = dp.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        String url = ASN1IA5String.getInstance(g.getName()).getString();
                        if (url.startsWith("http")) {
                            urls.add(url);
                        }
                    }
                }
            }
        }
        return urls;
    }
}
