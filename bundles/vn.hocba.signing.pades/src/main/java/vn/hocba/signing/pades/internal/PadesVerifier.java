package vn.hocba.signing.pades.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.VerificationReport.ChainStatus;
import vn.hocba.signing.VerificationReport.Indication;
import vn.hocba.signing.VerificationReport.RevocationStatus;
import vn.hocba.signing.VerificationReport.SignatureReport;
import vn.hocba.signing.spi.DigestAlgorithm;

/**
 * Verifies every signature and document time-stamp of a PDF: integrity (CMS over the byte range), signer,
 * role, time-stamp, chain to the trust anchors, revocation (from the DSS, else fetched when allowed), level
 * reached, and whether anything but later signatures, DSS data and time-stamps changed after it.
 */
public final class PadesVerifier {

    /**
     * The finding, in Vietnamese and English, of a signature whose document changed after it: its signed bytes no
     * longer hash to the signed digest (a byte altered inside the signed revision), or a later revision changed the
     * pages or added a forbidden signature. Also a document-level message when any signature has it.
     */
    public static final String MODIFIED_AFTER_SIGNING =
            "Tài liệu đã bị sửa đổi sau khi ký / the document was modified after it was signed";

    private final List<X509Certificate> trustAnchors;
    private final RevocationCollector online;

    /** @param online fetches missing revocation data from the certificates' URLs, or {@code null} to stay offline */
    public PadesVerifier(List<X509Certificate> trustAnchors, RevocationCollector online) {
        this.trustAnchors = List.copyOf(trustAnchors);
        this.online = online;
    }

    public static PadesVerifier offline(List<X509Certificate> trustAnchors) {
        return new PadesVerifier(trustAnchors, null);
    }

    public static PadesVerifier online(List<X509Certificate> trustAnchors, int timeoutMillis) {
        return new PadesVerifier(trustAnchors, new RevocationCollector(timeoutMillis));
    }

    public VerificationReport verify(byte[] pdf) {
        String sha = HexFormat.of().formatHex(CadesDetached.digest(DigestAlgorithm.SHA256, pdf));
        String now = Instant.now().toString();
        List<SignatureReport> reports = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PdfSignatures.Entry> entries = PdfSignatures.list(doc);
            Validation dss = Validation.of(doc);
            String finalPrint = fingerprint(doc);
            long lastDssRevisionEnd = dss.isEmpty() ? -1 : lastRevisionWithDss(pdf, entries);
            for (int i = 0; i < entries.size(); i++) {
                reports.add(verifyOne(pdf, entries, i, dss, finalPrint, lastDssRevisionEnd));
            }
            List<SignerRole> roles = PdfSignatures.roles(entries);
            try {
                checkOrder(roles);
            } catch (IllegalStateException e) {
                messages.add(e.getMessage());
            }
            if (reports.stream().anyMatch(SignatureReport::modifiedAfter)) {
                messages.add(MODIFIED_AFTER_SIGNING);
            }
        } catch (IOException e) {
            messages.add("The PDF cannot be read: " + e.getMessage());
        }
        if (reports.isEmpty()) {
            messages.add("No signature found");
        }
        return new VerificationReport(DocumentFormat.PDF, sha, now, overall(reports, messages), reports, null, messages);
    }

    static Indication overall(List<SignatureReport> reports, List<String> messages) {
        if (reports.isEmpty()) {
            return Indication.TOTAL_FAILED;
        }
        Indication worst = Indication.TOTAL_PASSED;
        for (SignatureReport r : reports) {
            if (r.indication().ordinal() > worst.ordinal()) {
                worst = r.indication();
            }
        }
        boolean orderBroken = messages.stream().anyMatch(m -> m.startsWith("Signature order"));
        return orderBroken ? Indication.TOTAL_FAILED : worst;
    }

    private static void checkOrder(List<SignerRole> roles) {
        for (int i = 0; i < roles.size(); i++) {
            SignerRole r = roles.get(i);
            if (r != null && r.step() != i + 1) {
                throw new IllegalStateException("Signature order broken: " + roles);
            }
        }
    }

    private SignatureReport verifyOne(byte[] pdf, List<PdfSignatures.Entry> entries, int index, Validation dss,
            String finalPrint, long lastDssRevisionEnd) {
        PdfSignatures.Entry e = entries.get(index);
        List<String> messages = new ArrayList<>();
        int[] br = e.byteRange();
        boolean rangeOk = br[0] == 0 && br[1] > 0 && br[2] > br[1] && e.end() <= pdf.length
                && pdf[br[1]] == '<' && pdf[br[2] - 1] == '>';
        boolean covers = rangeOk && e.end() == pdf.length;
        byte[] contents = PadesSigner.trimmed(e.signature().getContents());
        boolean valid = false;
        boolean altered = false; // the signed bytes no longer hash to the digest the signature covers
        X509Certificate signer = null;
        List<X509Certificate> pool = new ArrayList<>(dss.certificates());
        Date timestampTime = null;
        if (!rangeOk) {
            messages.add("The byte range is malformed");
        } else {
            byte[] signed = signedBytes(pdf, br);
            try {
                if (e.documentTimestamp()) {
                    TimeStampToken token = new TimeStampToken(new CMSSignedData(contents));
                    signer = tokenSigner(token, pool);
                    byte[] imprint = CadesDetached.digest(digestOf(token), signed);
                    altered = !Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest());
                    valid = signer != null && !altered && validToken(token, signer);
                    timestampTime = token.getTimeStampInfo().getGenTime();
                } else {
                    CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
                    pool.addAll(Certificates.fromStore(cms.getCertificates()));
                    SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
                    signer = signerCertificate(si, cms);
                    valid = signer != null && si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer))
                            && signingCertificateV2Matches(si, signer, messages);
                    TimeStampToken token = PadesSigner.signatureTimestamp(si);
                    if (token != null) {
                        X509Certificate tsa = tokenSigner(token, pool);
                        byte[] imprint = CadesDetached.digest(digestOf(token), si.getSignature());
                        if (tsa != null && Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest())
                                && validToken(token, tsa)) {
                            timestampTime = token.getTimeStampInfo().getGenTime();
                        } else {
                            messages.add("The signature time-stamp does not verify");
                            valid = false;
                        }
                    }
                }
            } catch (CMSSignerDigestMismatchException ex) {
                altered = true; // the signature value itself may be sound: the bytes it covers changed
                valid = false;
            } catch (Exception ex) {
                messages.add("The signature cannot be verified: " + ex.getMessage());
                valid = false;
            }
            if (!valid && !altered && messages.isEmpty()) {
                messages.add("The signed bytes do not match the signature (document altered)");
            }
        }
        Date at = timestampTime != null ? timestampTime : new Date();
        List<X509Certificate> chain = signer == null ? List.of() : Certificates.chain(signer, pool);
        ChainStatus chainStatus = chainStatus(chain, at, messages);
        RevocationStatus revocation = RevocationStatus.NOT_CHECKED;
        boolean revocationInDss = false;
        if (signer != null && chain.size() > 1) {
            RevocationStatus fromDss = dss.statusOf(signer, chain.get(1), at);
            revocationInDss = fromDss != RevocationStatus.NOT_CHECKED;
            revocation = fromDss;
            if (revocation == RevocationStatus.NOT_CHECKED && online != null && !e.documentTimestamp()) {
                revocation = fetchStatus(signer, chain, at);
            }
        }
        boolean modified = altered
                || (rangeOk && !covers && modifiedAfter(pdf, entries, index, finalPrint, messages));
        if (modified) {
            messages.add(0, MODIFIED_AFTER_SIGNING);
        }
        BaselineLevel level = level(e, entries, index, timestampTime != null, revocationInDss, lastDssRevisionEnd);
        Indication indication;
        if (!valid || modified || revocation == RevocationStatus.REVOKED) {
            indication = Indication.TOTAL_FAILED;
        } else if (chainStatus != ChainStatus.TRUSTED
                || (!e.documentTimestamp() && revocation != RevocationStatus.GOOD)) {
            indication = Indication.INDETERMINATE;
        } else {
            indication = Indication.TOTAL_PASSED;
        }
        List<String> chainNames = new ArrayList<>();
        for (X509Certificate c : chain) {
            chainNames.add(c.getSubjectX500Principal().getName());
        }
        String claimed = e.signature().getSignDate() == null ? null : e.signature().getSignDate().toInstant().toString();
        return new SignatureReport(index, e.fieldName(), e.documentTimestamp(), valid,
                signer == null ? null : Certificates.commonName(signer),
                signer == null ? null : signer.getSubjectX500Principal().getName(),
                signer == null ? null : Certificates.sha256Hex(signer), e.role(),
                e.documentTimestamp() ? null : e.signature().getReason(), claimed,
                timestampTime == null ? null : timestampTime.toInstant().toString(), level, chainStatus, chainNames,
                revocation, covers, modified, indication, messages);
    }

    private static byte[] signedBytes(byte[] pdf, int[] br) {
        byte[] out = new byte[br[1] + br[3]];
        System.arraycopy(pdf, br[0], out, 0, br[1]);
        System.arraycopy(pdf, br[2], out, br[1], br[3]);
        return out;
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

    private static X509Certificate tokenSigner(TimeStampToken token, List<X509Certificate> pool) {
        List<X509Certificate> certs = Certificates.fromStore(token.getCertificates());
        pool.addAll(certs);
        for (X509Certificate c : pool) {
            try {
                if (token.getSID().match(new JcaX509CertificateHolder(c))) {
                    return c;
                }
            } catch (Exception ex) {
                // keep looking
            }
        }
        return null;
    }

    private static boolean validToken(TimeStampToken token, X509Certificate tsa) {
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static X509Certificate signerCertificate(SignerInformation si, CMSSignedData cms) {
        @SuppressWarnings("unchecked")
        var matches = cms.getCertificates().getMatches(si.getSID());
        for (Object o : matches) {
            try {
                return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate((X509CertificateHolder) o);
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    /** PAdES requires the signing-certificate-v2 attribute, and it must name the certificate that verifies. */
    private static boolean signingCertificateV2Matches(SignerInformation si, X509Certificate signer, List<String> messages) {
        var attr = si.getSignedAttributes() == null ? null
                : si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attr == null) {
            messages.add("No signing-certificate-v2 attribute");
            return false;
        }
        ESSCertIDv2 id = SigningCertificateV2.getInstance(attr.getAttrValues().getObjectAt(0)).getCerts()[0];
        String oid = id.getHashAlgorithm().getAlgorithm().getId();
        for (DigestAlgorithm d : DigestAlgorithm.values()) {
            if (d.oid().equals(oid)) {
                boolean ok = Arrays.equals(id.getCertHash(), CadesDetached.digest(d, Certificates.encoded(signer)));
                if (!ok) {
                    messages.add("signing-certificate-v2 names another certificate");
                }
                return ok;
            }
        }
        messages.add("Unsupported hash in signing-certificate-v2: " + oid);
        return false;
    }

    private ChainStatus chainStatus(List<X509Certificate> chain, Date at, List<String> messages) {
        if (chain.isEmpty()) {
            return ChainStatus.INCOMPLETE;
        }
        int anchorAt = -1;
        for (int i = 0; i < chain.size() && anchorAt < 0; i++) {
            if (trustAnchors.contains(chain.get(i))) {
                anchorAt = i;
            }
        }
        if (anchorAt < 0) {
            X509Certificate last = chain.get(chain.size() - 1);
            X509Certificate anchor = Certificates.issuerOf(last, trustAnchors);
            if (anchor == null) {
                boolean complete = Certificates.selfSigned(last);
                messages.add(complete ? "The chain ends at a root that is not a trust anchor" : "The chain is incomplete");
                return complete ? ChainStatus.UNTRUSTED : ChainStatus.INCOMPLETE;
            }
            anchorAt = chain.size();
        }
        for (int i = 0; i < Math.min(anchorAt, chain.size()); i++) {
            try {
                chain.get(i).checkValidity(at);
            } catch (Exception e) {
                messages.add("Certificate outside its validity at " + at.toInstant() + ": "
                        + chain.get(i).getSubjectX500Principal().getName());
                return ChainStatus.EXPIRED;
            }
        }
        return ChainStatus.TRUSTED;
    }

    private RevocationStatus fetchStatus(X509Certificate signer, List<X509Certificate> chain, Date at) {
        try {
            RevocationCollector.Material m = online.collect(List.of(signer, chain.get(1)));
            return new Validation(new ArrayList<>(m.certificates().values()), m.crls(), m.ocspResponses())
                    .statusOf(signer, chain.get(1), at);
        } catch (IOException e) {
            return RevocationStatus.UNKNOWN;
        }
    }

    private static BaselineLevel level(PdfSignatures.Entry e, List<PdfSignatures.Entry> entries, int index,
            boolean timestamped, boolean revocationInDss, long lastDssRevisionEnd) {
        if (e.documentTimestamp()) {
            return BaselineLevel.B_T;
        }
        if (!timestamped) {
            return BaselineLevel.B_B;
        }
        if (!revocationInDss) {
            return BaselineLevel.B_T;
        }
        for (int j = index + 1; j < entries.size(); j++) {
            if (entries.get(j).documentTimestamp() && entries.get(j).end() > lastDssRevisionEnd) {
                return BaselineLevel.B_LTA;
            }
        }
        return BaselineLevel.B_LT;
    }

    /** The end of the last revision that holds a /DSS (approximated as the last revision end before a later one). */
    private static long lastRevisionWithDss(byte[] pdf, List<PdfSignatures.Entry> entries) {
        // revisions end at %%EOF markers; the DSS is added in a revision of its own, after the signature it covers
        List<Long> ends = revisionEnds(pdf);
        long last = -1;
        for (long end : ends) {
            boolean isSignatureRevision = entries.stream().anyMatch(x -> x.end() == end);
            if (!isSignatureRevision) {
                last = end;
            }
        }
        return last;
    }

    static List<Long> revisionEnds(byte[] pdf) {
        List<Long> ends = new ArrayList<>();
        byte[] eof = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i <= pdf.length - eof.length; i++) {
            boolean match = true;
            for (int j = 0; j < eof.length && match; j++) {
                match = pdf[i + j] == eof[j];
            }
            if (match) {
                int end = i + eof.length;
                while (end < pdf.length && (pdf[end] == '\r' || pdf[end] == '\n')) {
                    end++;
                }
                ends.add((long) end);
            }
        }
        return ends;
    }

    /**
     * Whether the document changed after signature {@code index} in a way that is not allowed: its pages
     * (content, annotations other than signature widgets) differ in the final file, or a signature follows a
     * certification with P=1.
     */
    private static boolean modifiedAfter(byte[] pdf, List<PdfSignatures.Entry> entries, int index, String finalPrint,
            List<String> messages) {
        PdfSignatures.Entry e = entries.get(index);
        try (PDDocument revision = Loader.loadPDF(Arrays.copyOf(pdf, (int) e.end()))) {
            if (!fingerprint(revision).equals(finalPrint)) {
                messages.add("The pages were changed after this signature");
                return true;
            }
        } catch (IOException ex) {
            messages.add("The signed revision cannot be read: " + ex.getMessage());
            return true;
        }
        int p = PdfSignatures.docMdpPermission(e.signature());
        if (p > 0) {
            for (int j = index + 1; j < entries.size(); j++) {
                if (!entries.get(j).documentTimestamp() && p == 1) {
                    messages.add("A signature was added after a certification that permits no change");
                    return true;
                }
            }
        }
        return false;
    }

    /** The visible state of a document: page count, each page's content bytes, its non-signature annotations. */
    static String fingerprint(PDDocument doc) throws IOException {
        var md = PadesSigner.sha256();
        md.update(Integer.toString(doc.getNumberOfPages()).getBytes());
        for (PDPage page : doc.getPages()) {
            try (InputStream in = page.getContents()) {
                if (in != null) {
                    md.update(in.readAllBytes());
                }
            }
            md.update((byte) '|');
            md.update(page.getMediaBox().toString().getBytes());
            for (PDAnnotation a : page.getAnnotations()) {
                COSDictionary d = a.getCOSObject();
                boolean signatureWidget = COSName.WIDGET.getName().equals(a.getSubtype())
                        && (COSName.SIG.equals(d.getCOSName(COSName.FT))
                                || (d.getCOSDictionary(COSName.PARENT) != null
                                        && COSName.SIG.equals(d.getCOSDictionary(COSName.PARENT).getCOSName(COSName.FT))));
                if (!signatureWidget) {
                    md.update((a.getSubtype() + a.getRectangle() + a.getContents()).getBytes());
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The validation material of a document's DSS dictionary. */
    record Validation(List<X509Certificate> certificates, List<byte[]> crls, List<byte[]> ocsps) {

        static Validation of(PDDocument doc) throws IOException {
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            List<X509Certificate> certs = new ArrayList<>();
            List<byte[]> crls = new ArrayList<>();
            List<byte[]> ocsps = new ArrayList<>();
            if (dss != null) {
                for (byte[] b : streams(dss, "Certs")) {
                    try {
                        certs.add(Certificates.parse(b));
                    } catch (IllegalArgumentException e) {
                        // skip garbage
                    }
                }
                crls.addAll(streams(dss, "CRLs"));
                ocsps.addAll(streams(dss, "OCSPs"));
            }
            return new Validation(certs, crls, ocsps);
        }

        boolean isEmpty() {
            return crls.isEmpty() && ocsps.isEmpty() && certificates.isEmpty();
        }

        private static List<byte[]> streams(COSDictionary dss, String key) throws IOException {
            List<byte[]> out = new ArrayList<>();
            COSArray array = dss.getCOSArray(COSName.getPDFName(key));
            if (array != null) {
                for (COSBase b : array) {
                    COSBase o = b instanceof COSObject obj ? obj.getObject() : b;
                    if (o instanceof COSStream s) {
                        try (InputStream in = s.createInputStream()) {
                            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                            in.transferTo(bytes);
                            out.add(bytes.toByteArray());
                        }
                    }
                }
            }
            return out;
        }

        /** GOOD/REVOKED from an OCSP response or CRL of the issuer that verifies; NOT_CHECKED if none. */
        RevocationStatus statusOf(X509Certificate cert, X509Certificate issuer, Date at) {
            for (byte[] der : ocsps) {
                try {
                    BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();
                    X509Certificate responder = responderOf(basic, issuer);
                    if (responder == null || !basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))) {
                        continue;
                    }
                    for (SingleResp r : basic.getResponses()) {
                        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                                .get(r.getCertID().getHashAlgOID() == null ? CertificateID.HASH_SHA1
                                        : new org.bouncycastle.asn1.x509.AlgorithmIdentifier(r.getCertID().getHashAlgOID())),
                                new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
                        if (id.equals(r.getCertID())) {
                            CertificateStatus s = r.getCertStatus();
                            if (s == CertificateStatus.GOOD) {
                                return RevocationStatus.GOOD;
                            }
                            if (s instanceof RevokedStatus rs) {
                                return rs.getRevocationTime().after(at) ? RevocationStatus.GOOD : RevocationStatus.REVOKED;
                            }
                            return RevocationStatus.UNKNOWN;
                        }
                    }
                } catch (Exception e) {
                    // an unreadable response says nothing
                }
            }
            for (byte[] der : crls) {
                try {
                    X509CRL crl = RevocationCollector.parseCrl(der);
                    if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                        continue;
                    }
                    crl.verify(issuer.getPublicKey());
                    X509CRLEntry entry = crl.getRevokedCertificate(cert);
                    if (entry == null) {
                        return RevocationStatus.GOOD;
                    }
                    return entry.getRevocationDate().after(at) ? RevocationStatus.GOOD : RevocationStatus.REVOKED;
                } catch (Exception e) {
                    // try the next one
                }
            }
            return RevocationStatus.NOT_CHECKED;
        }

        /** The responder: the issuer itself or a certificate it issued for OCSP signing. */
        private X509Certificate responderOf(BasicOCSPResp basic, X509Certificate issuer) throws Exception {
            Set<X509Certificate> candidates = new LinkedHashSet<>();
            candidates.add(issuer);
            for (X509CertificateHolder h : basic.getCerts()) {
                candidates.add(new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(h));
            }
            candidates.addAll(certificates);
            for (X509Certificate c : candidates) {
                if (!c.equals(issuer)) {
                    try {
                        c.verify(issuer.getPublicKey());
                    } catch (Exception e) {
                        continue;
                    }
                    List<String> eku = c.getExtendedKeyUsage();
                    if (eku == null || !eku.contains("1.3.6.1.5.5.7.3.9")) {
                        continue;
                    }
                }
                if (basic.getResponderId().toASN1Primitive().getName() != null
                        && !basic.getResponderId().toASN1Primitive().getName().equals(
                                org.bouncycastle.asn1.x500.X500Name.getInstance(c.getSubjectX500Principal().getEncoded()))) {
                    continue;
                }
                return c;
            }
            return null;
        }
    }
}
