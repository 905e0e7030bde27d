package vn.hocba.signing.pades.internal;

import java.io.IOException;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;

import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.VerificationReport.ChainStatus;
import vn.hocba.signing.VerificationReport.Indication;
import vn.hocba.signing.VerificationReport.RevocationStatus;
import vn.hocba.signing.VerificationReport.SignatureReport;
import vn.hocba.signing.spi.DigestAlgorithm;

/** Verifies the XAdES signatures of a record's XML (XMLDSig core validation, signing certificate, time-stamp, chain). */
final class XadesVerifier {

    private final List<X509Certificate> trustAnchors;
    private final RevocationCollector online;

    XadesVerifier(List<X509Certificate> trustAnchors, RevocationCollector online) {
        this.trustAnchors = List.copyOf(trustAnchors);
        this.online = online;
    }

    VerificationReport verify(byte[] xml) {
        String sha = HexFormat.of().formatHex(CadesDetached.digest(DigestAlgorithm.SHA256, xml));
        List<SignatureReport> reports = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        try {
            Document doc = XadesSigner.parse(xml);
            List<Element> signatures = XadesSigner.signatures(doc);
            for (int i = 0; i < signatures.size(); i++) {
                reports.add(verifyOne(signatures.get(i), i, i == signatures.size() - 1));
            }
            List<SignerRole> roles = XadesSigner.roles(signatures);
            for (int i = 0; i < roles.size(); i++) {
                if (roles.get(i) != null && roles.get(i).step() != i + 1) {
                    messages.add("Signature order broken: " + roles);
                    break;
                }
            }
        } catch (Exception e) {
            messages.add("The XML cannot be read: " + e.getMessage());
        }
        if (reports.isEmpty()) {
            messages.add("No signature found");
        }
        if (reports.stream().anyMatch(SignatureReport::modifiedAfter)) {
            messages.add(PadesVerifier.MODIFIED_AFTER_SIGNING);
        }
        return new VerificationReport(DocumentFormat.XML, sha, Instant.now().toString(),
                PadesVerifier.overall(reports, messages), reports, null, messages);
    }

    private SignatureReport verifyOne(Element element, int index, boolean last) {
        List<String> messages = new ArrayList<>();
        String id = element.getAttribute("Id");
        boolean valid = false;
        boolean altered = false; // the signed content changed: a reference's digest fails, the signature value holds
        List<X509Certificate> pool = new ArrayList<>();
        X509Certificate signer = null;
        Date timestampTime = null;
        try {
            XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
            DOMValidateContext context = new DOMValidateContext(new FirstCertificate(), element);
            XMLSignature signature = fac.unmarshalXMLSignature(context);
            for (Object o : signature.getKeyInfo().getContent()) {
                if (o instanceof X509Data data) {
                    for (Object c : data.getContent()) {
                        if (c instanceof X509Certificate x) {
                            pool.add(x);
                        }
                    }
                }
            }
            signer = pool.isEmpty() ? null : pool.get(0);
            valid = signer != null && signature.validate(context);
            altered = !valid && signer != null && contentChanged(signature, context);
            if (altered) {
                messages.add(PadesVerifier.MODIFIED_AFTER_SIGNING);
            } else if (!valid) {
                messages.add("The XML signature does not verify (document altered)");
            }
            if (signer != null && !signingCertificateMatches(element, signer)) {
                messages.add("SigningCertificateV2 names another certificate");
                valid = false;
            }
            var stamps = element.getElementsByTagNameNS(XadesSigner.XADES, "EncapsulatedTimeStamp");
            if (stamps.getLength() > 0) {
                TimeStampToken token = new TimeStampToken(new CMSSignedData(
                        Base64.getMimeDecoder().decode(stamps.item(0).getTextContent())));
                List<X509Certificate> tsaCerts = Certificates.fromStore(token.getCertificates());
                pool.addAll(tsaCerts);
                byte[] imprint = CadesDetached.digest(digestOf(token), XadesSigner.canonicalSignatureValue(
                        XadesSigner.child(element, XadesSigner.DS, "SignatureValue")));
                boolean ok = Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest())
                        && tsaCerts.stream().anyMatch(c -> validToken(token, c));
                if (ok) {
                    timestampTime = token.getTimeStampInfo().getGenTime();
                } else {
                    messages.add("The signature time-stamp does not verify");
                    valid = false;
                }
            }
        } catch (Exception e) {
            messages.add("The signature cannot be verified: " + e.getMessage());
        }
        Date at = timestampTime != null ? timestampTime : new Date();
        List<X509Certificate> chain = signer == null ? List.of() : Certificates.chain(signer, pool);
        ChainStatus chainStatus = chainStatus(chain, at, messages);
        RevocationStatus revocation = RevocationStatus.NOT_CHECKED;
        if (online != null && chain.size() > 1) {
            try {
                RevocationCollector.Material m = online.collect(List.of(signer, chain.get(1)));
                revocation = new PadesVerifier.Validation(new ArrayList<>(m.certificates().values()), m.crls(),
                        m.ocspResponses()).statusOf(signer, chain.get(1), at);
            } catch (IOException e) {
                revocation = RevocationStatus.UNKNOWN;
            }
        }
        Indication indication = !valid || revocation == RevocationStatus.REVOKED ? Indication.TOTAL_FAILED
                : chainStatus == ChainStatus.TRUSTED && revocation == RevocationStatus.GOOD ? Indication.TOTAL_PASSED
                        : Indication.INDETERMINATE;
        List<String> names = chain.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
        var roleElements = element.getElementsByTagNameNS(XadesSigner.XADES, "ClaimedRole");
        var times = element.getElementsByTagNameNS(XadesSigner.XADES, "SigningTime");
        return new SignatureReport(index, id, false, valid, signer == null ? null : Certificates.commonName(signer),
                signer == null ? null : signer.getSubjectX500Principal().getName(),
                signer == null ? null : Certificates.sha256Hex(signer), PdfSignatures.roleOf(id, null),
                roleElements.getLength() > 0 ? roleElements.item(0).getTextContent() : null,
                times.getLength() > 0 ? times.item(0).getTextContent() : null,
                timestampTime == null ? null : timestampTime.toInstant().toString(),
                timestampTime == null ? BaselineLevel.B_B : BaselineLevel.B_T, chainStatus, names, revocation, last,
                altered, indication, messages);
    }

    /** The signature value still verifies over SignedInfo, but a reference's digest no longer matches its content. */
    private static boolean contentChanged(XMLSignature signature, DOMValidateContext context) {
        try {
            if (!signature.getSignatureValue().validate(context)) return false;
            for (Object o : signature.getSignedInfo().getReferences()) {
                if (!((javax.xml.crypto.dsig.Reference) o).validate(context)) return true;
            }
            return false;
        } catch (javax.xml.crypto.dsig.XMLSignatureException e) {
            return false;
        }
    }

    private static boolean signingCertificateMatches(Element signature, X509Certificate signer) {
        var values = signature.getElementsByTagNameNS(XadesSigner.XADES, "CertDigest");
        if (values.getLength() == 0) {
            return false;
        }
        Element digest = (Element) values.item(0);
        byte[] expected = Base64.getMimeDecoder().decode(
                XadesSigner.child(digest, XadesSigner.DS, "DigestValue").getTextContent());
        return Arrays.equals(expected, CadesDetached.digest(DigestAlgorithm.SHA256, Certificates.encoded(signer)));
    }

    private ChainStatus chainStatus(List<X509Certificate> chain, Date at, List<String> messages) {
        if (chain.isEmpty()) {
            return ChainStatus.INCOMPLETE;
        }
        boolean anchored = chain.stream().anyMatch(trustAnchors::contains)
                || Certificates.issuerOf(chain.get(chain.size() - 1), trustAnchors) != null;
        if (!anchored) {
            messages.add("The chain does not lead to a trust anchor");
            return Certificates.selfSigned(chain.get(chain.size() - 1)) ? ChainStatus.UNTRUSTED : ChainStatus.INCOMPLETE;
        }
        for (X509Certificate c : chain) {
            try {
                c.checkValidity(at);
            } catch (Exception e) {
                return ChainStatus.EXPIRED;
            }
        }
        return ChainStatus.TRUSTED;
    }

    private static DigestAlgorithm digestOf(TimeStampToken token) {
        String oid = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
        for (DigestAlgorithm d : DigestAlgorithm.values()) {
            if (d.oid().equals(oid)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unsupported time-stamp digest " + oid);
    }

    private static boolean validToken(TimeStampToken token, X509Certificate tsa) {
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The key of the first certificate in KeyInfo (the signer's, as we write it). */
    private static final class FirstCertificate extends KeySelector {
        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
                throws KeySelectorException {
            if (keyInfo != null) {
                for (Object o : keyInfo.getContent()) {
                    if (o instanceof X509Data data) {
                        for (Object c : data.getContent()) {
                            if (c instanceof X509Certificate x) {
                                Key key = x.getPublicKey();
                                return () -> key;
                            }
                        }
                    }
                }
            }
            throw new KeySelectorException("no certificate in KeyInfo");
        }
    }
}
