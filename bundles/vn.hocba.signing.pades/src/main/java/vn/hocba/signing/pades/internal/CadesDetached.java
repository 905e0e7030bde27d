package vn.hocba.signing.pades.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;

import vn.hocba.signing.spi.DigestAlgorithm;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.SignatureAlgorithm;

/**
 * CMS for PAdES baseline (ETSI.CAdES.detached): signed attributes content-type, message-digest and
 * signing-certificate-v2 only — deliberately no signing-time (PAdES takes the time from the signature
 * dictionary's /M and the time-stamp). Built with the ASN.1 classes so nothing is added behind our back.
 */
final class CadesDetached {

    private CadesDetached() {
    }

    /** The DER signed attributes for a document digest and the signer's certificate. */
    static byte[] signedAttributes(byte[] documentDigest, DigestAlgorithm digestAlgorithm, byte[] signerCertificate)
            throws IOException {
        Certificate cert = Certificate.getInstance(signerCertificate);
        byte[] certHash = digest(DigestAlgorithm.SHA256, signerCertificate);
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(cert.getIssuer())),
                cert.getSerialNumber().getValue());
        ESSCertIDv2 certId = new ESSCertIDv2(certHash, issuerSerial); // SHA-256, the default: no AlgorithmIdentifier
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new Attribute(CMSAttributes.contentType, new DERSet(PKCSObjectIdentifiers.data)));
        v.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(documentDigest))));
        v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
        return new DERSet(v).getEncoded(ASN1Encoding.DER);
    }

    /**
     * The CMS ContentInfo(SignedData) with the given signed attributes and signature value, the chain and,
     * if present, the signature time-stamp token as unsigned attribute.
     */
    static byte[] signedData(byte[] signedAttributesDer, SignatureAlgorithm algorithm, byte[] signatureValue,
            List<byte[]> chain, byte[] timeStampToken) throws IOException {
        Certificate signer = Certificate.getInstance(chain.get(0));
        AlgorithmIdentifier digestAlg = new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.digestAlgorithm().oid()));
        ASN1Set signedAttrs = (ASN1Set) ASN1Primitive.fromByteArray(signedAttributesDer);
        ASN1Set unsigned = null;
        if (timeStampToken != null) {
            unsigned = new DERSet(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(ASN1Primitive.fromByteArray(timeStampToken))));
        }
        SignerInfo info = new SignerInfo(new SignerIdentifier(new IssuerAndSerialNumber(signer)), digestAlg, signedAttrs,
                signatureAlgorithmId(algorithm), new DEROctetString(signatureValue), unsigned);
        ASN1EncodableVector certs = new ASN1EncodableVector();
        for (byte[] c : chain) {
            certs.add(Certificate.getInstance(c));
        }
        SignedData sd = new SignedData(new DERSet(digestAlg), new ContentInfo(PKCSObjectIdentifiers.data, null),
                new DERSet(certs), null, new DERSet(info));
        return new ContentInfo(PKCSObjectIdentifiers.signedData, sd).getEncoded(ASN1Encoding.DER);
    }

    static AlgorithmIdentifier signatureAlgorithmId(SignatureAlgorithm algorithm) {
        ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(algorithm.oid());
        ASN1Encodable params = algorithm.keyAlgorithm() == KeyAlgorithm.RSA ? DERNull.INSTANCE : null;
        return params == null ? new AlgorithmIdentifier(oid) : new AlgorithmIdentifier(oid, params);
    }

    static byte[] digest(DigestAlgorithm algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm.jcaName()).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static X500Name issuerOf(byte[] certificate) {
        return Certificate.getInstance(certificate).getIssuer();
    }
}
