package vn.hocba.signing.pades.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;

import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.spi.DigestAlgorithm;
import vn.hocba.signing.spi.SignatureAlgorithm;

/**
 * PAdES baseline signing with PDFBox and Bouncy Castle: prepare (order check, field, appearance, placeholder,
 * signed attributes) → embed (CMS with the provider's value, B-T time-stamp) → extend (DSS for B-LT, document
 * time-stamp for B-LTA). Stateless and thread-safe.
 */
public final class PadesSigner {

    static final COSName SUBFILTER_CADES = COSName.getPDFName("ETSI.CAdES.detached");
    static final COSName SUBFILTER_RFC3161 = COSName.getPDFName("ETSI.RFC3161");

    private final PadesSettings settings;
    private final TimestampClient tsa;
    private final RevocationCollector revocation;
    private final SignatureAppearance appearance = new SignatureAppearance();

    public PadesSigner(PadesSettings settings) {
        this.settings = settings;
        this.tsa = new TimestampClient(settings.tsaUrl(), settings.timeoutMillis());
        this.revocation = new RevocationCollector(settings.timeoutMillis());
    }

    public PreparedSignature prepare(byte[] pdf, SignatureParameters p) throws SigningException {
        SignerRole role = p.signer().role();
        List<X509Certificate> chain = Certificates.parseAll(p.certificateChain());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] prepared;
        int[] byteRange;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PdfSignatures.Entry> existing = PdfSignatures.list(doc);
            SignatureOrder.check(PdfSignatures.roles(existing), PdfSignatures.certified(doc), role);

            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(SUBFILTER_CADES);
            sig.setName(p.signer().name());
            sig.setReason(p.signer().positionOrRole());
            if (p.signer().location() != null) {
                sig.setLocation(p.signer().location());
            }
            sig.setSignDate(calendar(now));
            if (role == SignerRole.SCHOOL_SEAL) {
                certify(doc, sig, settings.docMdpPermission());
            }
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(signatureSize(chain));
            SignatureBox box = p.box();
            if (box != null) {
                if (box.page() > doc.getNumberOfPages()) {
                    throw new SigningException("Ô chữ ký nằm ngoài tài liệu (trang " + box.page() + ")",
                            "The signature box is on page " + box.page() + ", beyond the document");
                }
                options.setPage(box.page() - 1);
            }
            // the form may already hold an empty field for this role (laid out by the renderer): sign into it
            PDSignatureField formField = emptyField(doc, PdfSignatures.fieldName(role));
            PDRectangle formRect = null;
            if (formField != null) {
                formRect = formField.getWidgets().get(0).getRectangle();
                formField.setValue(sig);
            }
            doc.addSignature(sig, options);
            PDSignatureField field = fieldOf(doc, sig);
            if (formField == null) {
                field.setPartialName(uniqueName(doc, PdfSignatures.fieldName(role)));
            }
            PDRectangle rect = box != null ? new PDRectangle(box.x(), box.y(), box.width(), box.height()) : formRect;
            if (rect != null && rect.getWidth() > 0 && rect.getHeight() > 0) {
                PDAnnotationWidget widget = field.getWidgets().get(0);
                widget.setRectangle(rect);
                widget.setAppearance(appearance.build(doc, rect.getWidth(), rect.getHeight(),
                        SignatureAppearance.lines(p.signer(), now)));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * options.getPreferredSignatureSize() + 65536);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            byte[] content;
            try (InputStream in = external.getContent()) {
                content = in.readAllBytes();
            }
            byteRange = sig.getByteRange();
            external.setSignature(new byte[0]); // writes the revision with the zeroed placeholder
            prepared = out.toByteArray();
            DigestAlgorithm digestAlgorithm = p.signatureAlgorithm().digestAlgorithm();
            byte[] attrs = CadesDetached.signedAttributes(CadesDetached.digest(digestAlgorithm, content), digestAlgorithm,
                    p.certificateChain().get(0));
            PreparedState state = new PreparedState(prepared, byteRange[1], byteRange[2] - byteRange[1], attrs,
                    p.certificateChain(), p.level());
            return new PreparedSignature(DocumentFormat.PDF, role, CadesDetached.digest(digestAlgorithm, attrs),
                    p.signatureAlgorithm(), state.encode());
        } catch (IOException e) {
            throw new SigningException("Không đọc hoặc chuẩn bị được tệp PDF để ký",
                    "Could not read or prepare the PDF for signing: " + e.getMessage(), e);
        }
    }

    public byte[] embed(PreparedSignature prepared, byte[] signatureValue) throws SigningException {
        if (prepared.format() != DocumentFormat.PDF) {
            throw new IllegalArgumentException("not a prepared PDF signature");
        }
        try {
            PreparedState state = PreparedState.decode(prepared.state());
            verifyValue(prepared.signatureAlgorithm(), state, signatureValue);
            byte[] token = null;
            if (state.level() == BaselineLevel.B_T) {
                DigestAlgorithm d = prepared.signatureAlgorithm().digestAlgorithm();
                token = tsa.stamp(CadesDetached.digest(d, signatureValue), d);
            }
            byte[] cms = CadesDetached.signedData(state.signedAttributes(), prepared.signatureAlgorithm(), signatureValue,
                    state.chain(), token);
            return fillPlaceholder(state.pdf(), state.contentsOffset(), state.contentsLength(), cms);
        } catch (IOException e) {
            throw new SigningException("Không nhúng được chữ ký vào tệp PDF",
                    "Could not embed the signature into the PDF: " + e.getMessage(), e);
        }
    }

    /** Checks the provider's value against the signer's key before it goes into a document. */
    private static void verifyValue(SignatureAlgorithm algorithm, PreparedState state, byte[] value) throws SigningException {
        try {
            Signature verifier = Signature.getInstance(algorithm.jcaName());
            verifier.initVerify(Certificates.parse(state.chain().get(0)).getPublicKey());
            verifier.update(state.signedAttributes());
            if (verifier.verify(value)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // falls through to the refusal
        }
        throw new SigningException("Giá trị chữ ký nhận từ dịch vụ ký số không khớp với chứng thư số",
                "The signature value from the provider does not verify with the signer's certificate");
    }

    static byte[] fillPlaceholder(byte[] pdf, int offset, int length, byte[] cms) throws IOException {
        byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
        if (hex.length > length - 2) {
            throw new IOException("the CMS (" + cms.length + " bytes) does not fit the reserved space");
        }
        if (pdf[offset] != '<' || pdf[offset + length - 1] != '>') {
            throw new IOException("the prepared /Contents placeholder is not where it was");
        }
        byte[] out = pdf.clone();
        System.arraycopy(hex, 0, out, offset + 1, hex.length);
        return out;
    }

    /** Reserved /Contents size: the chain, a time-stamp token with its own chain, and room to spare. */
    private static int signatureSize(List<X509Certificate> chain) {
        int size = 4096 + 12288;
        for (X509Certificate c : chain) {
            size += Certificates.encoded(c).length;
        }
        return size;
    }

    /**
     * The seal certifies the document: a DocMDP transform in the signature and /Perms /DocMDP in the catalog.
     * No /DigestMethod (PDF/A forbids the digest entries of the reference dictionary).
     */
    private static void certify(PDDocument doc, PDSignature sig, int permission) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setInt(COSName.P, permission);
        params.setName(COSName.V, "1.2");
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(COSName.getPDFName("TransformMethod"), PdfSignatures.DOC_MDP);
        reference.setItem(COSName.getPDFName("TransformParams"), params);
        COSArray references = new COSArray();
        references.add(reference);
        sig.getCOSObject().setItem(COSName.getPDFName("Reference"), references);
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        COSDictionary perms = new COSDictionary();
        perms.setItem(PdfSignatures.DOC_MDP, sig);
        catalog.setItem(COSName.PERMS, perms);
        catalog.setNeedToBeUpdated(true);
    }

    private static PDSignatureField fieldOf(PDDocument doc, PDSignature sig) throws IOException {
        for (PDSignatureField f : doc.getSignatureFields()) {
            if (f.getSignature() != null && f.getSignature().getCOSObject() == sig.getCOSObject()) {
                return f;
            }
        }
        throw new IOException("the new signature field is missing");
    }

    /** An unsigned signature field of this name, or null. */
    private static PDSignatureField emptyField(PDDocument doc, String name) throws IOException {
        for (PDSignatureField f : doc.getSignatureFields()) {
            if (name.equals(f.getPartialName()) && f.getSignature() == null && !f.getWidgets().isEmpty()) {
                return f;
            }
        }
        return null;
    }

    private static String uniqueName(PDDocument doc, String base) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (PDSignatureField f : doc.getSignatureFields()) {
            if (f.getPartialName() != null) {
                names.add(f.getPartialName());
            }
        }
        String name = base;
        for (int i = 2; names.contains(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static Calendar calendar(Instant t) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone(SignatureAppearance.VIETNAM));
        c.setTimeInMillis(t.toEpochMilli());
        return c;
    }

    // ---------------------------------------------------------------- levels

    public byte[] extend(byte[] pdf, BaselineLevel level) throws SigningException {
        if (level.compareTo(BaselineLevel.B_LT) < 0) {
            throw new IllegalArgumentException("extend to B-LT or B-LTA, not " + level);
        }
        try {
            byte[] lt = addValidationData(pdf);
            return level == BaselineLevel.B_LTA ? addDocumentTimestamp(lt) : lt;
        } catch (IOException e) {
            throw new SigningException("Không bổ sung được dữ liệu xác thực dài hạn cho tệp PDF",
                    "Could not add long-term validation data to the PDF: " + e.getMessage(), e);
        }
    }

    /** B-LT: a DSS dictionary with every certificate of every signature and time-stamp, and their CRLs/OCSPs. */
    byte[] addValidationData(byte[] pdf) throws IOException, SigningException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PdfSignatures.Entry> entries = PdfSignatures.list(doc);
            if (entries.isEmpty()) {
                throw new SigningException("Tài liệu chưa có chữ ký nào", "The document has no signature to extend");
            }
            Set<X509Certificate> certs = new LinkedHashSet<>();
            for (PdfSignatures.Entry e : entries) {
                certs.addAll(certificatesOf(e.signature().getContents()));
            }
            RevocationCollector.Material m = revocation.collect(certs);
            COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
            COSDictionary dss = catalog.getCOSDictionary(COSName.getPDFName("DSS"));
            if (dss == null) {
                dss = new COSDictionary();
                dss.setItem(COSName.TYPE, COSName.getPDFName("DSS"));
                catalog.setItem(COSName.getPDFName("DSS"), dss);
            }
            List<byte[]> certDers = new ArrayList<>();
            for (X509Certificate c : m.certificates().values()) {
                certDers.add(Certificates.encoded(c));
            }
            addStreams(doc, dss, "Certs", certDers);
            addStreams(doc, dss, "CRLs", m.crls());
            addStreams(doc, dss, "OCSPs", m.ocspResponses());
            dss.setNeedToBeUpdated(true);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32768);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static void addStreams(PDDocument doc, COSDictionary dss, String key, List<byte[]> items) throws IOException {
        COSName name = COSName.getPDFName(key);
        COSArray array = dss.getCOSArray(name);
        Set<String> present = new LinkedHashSet<>();
        if (array == null) {
            array = new COSArray();
            dss.setItem(name, array);
        } else {
            for (COSBase b : array) {
                COSBase o = b instanceof COSObject obj ? obj.getObject() : b;
                if (o instanceof COSStream s) {
                    try (InputStream in = s.createInputStream()) {
                        present.add(HexFormat.of().formatHex(CadesDetached.digest(DigestAlgorithm.SHA256, in.readAllBytes())));
                    }
                }
            }
        }
        for (byte[] item : items) {
            if (present.add(HexFormat.of().formatHex(CadesDetached.digest(DigestAlgorithm.SHA256, item)))) {
                COSStream s = doc.getDocument().createCOSStream();
                try (OutputStream o = s.createOutputStream(COSName.FLATE_DECODE)) {
                    o.write(item);
                }
                array.add(s);
            }
        }
        array.setNeedToBeUpdated(true);
    }

    /** B-LTA: an RFC 3161 document time-stamp over the whole file, in an invisible field. */
    byte[] addDocumentTimestamp(byte[] pdf) throws IOException, SigningException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature ts = new PDSignature();
            ts.setType(COSName.DOC_TIME_STAMP);
            ts.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            ts.setSubFilter(SUBFILTER_RFC3161);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(16384);
            doc.addSignature(ts, options);
            fieldOf(doc, ts).setPartialName(uniqueName(doc, PdfSignatures.FIELD_PREFIX + "archive"));
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 40000);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            byte[] content;
            try (InputStream in = external.getContent()) {
                content = in.readAllBytes();
            }
            external.setSignature(tsa.stamp(CadesDetached.digest(DigestAlgorithm.SHA256, content), DigestAlgorithm.SHA256));
            return out.toByteArray();
        }
    }

    /** Every certificate in a CMS signature (or time-stamp token) and in its signature time-stamp. */
    static List<X509Certificate> certificatesOf(byte[] contents) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CMSSignedData cms = new CMSSignedData(trimmed(contents));
            out.addAll(Certificates.fromStore(cms.getCertificates()));
            for (SignerInformation si : cms.getSignerInfos().getSigners()) {
                TimeStampToken token = signatureTimestamp(si);
                if (token != null) {
                    out.addAll(Certificates.fromStore(token.getCertificates()));
                }
            }
        } catch (CMSException e) {
            // not CMS: nothing to collect
        }
        return out;
    }

    static TimeStampToken signatureTimestamp(SignerInformation si) {
        if (si.getUnsignedAttributes() == null) {
            return null;
        }
        Attribute a = si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (a == null) {
            return null;
        }
        try {
            return new TimeStampToken(ContentInfo.getInstance(a.getAttrValues().getObjectAt(0)));
        } catch (Exception e) {
            return null;
        }
    }

    /** The CMS without the placeholder's trailing zeros (PDFBox gives the whole /Contents). */
    static byte[] trimmed(byte[] contents) {
        try {
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
                ASN1Primitive p = in.readObject();
                return p == null ? contents : p.getEncoded();
            }
        } catch (IOException | RuntimeException e) {
            return contents;
        }
    }

    public List<SignerRole> signedRoles(byte[] pdf) throws SigningException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return PdfSignatures.roles(PdfSignatures.list(doc));
        } catch (IOException e) {
            throw new SigningException("Không đọc được tệp PDF", "Could not read the PDF: " + e.getMessage(), e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
