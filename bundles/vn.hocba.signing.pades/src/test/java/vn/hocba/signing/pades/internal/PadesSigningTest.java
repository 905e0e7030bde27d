package vn.hocba.signing.pades.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureOrderException;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignerInfo;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.testpki.TestPki;

/** Teacher → principal → seal at B-T, raised to B-LT and B-LTA, judged by EU DSS and veraPDF. */
class PadesSigningTest {

    static final TestPki PKI = TestPki.shared();
    static PadesSigner signer;
    static byte[] original;
    static byte[] signedT;
    static byte[] signedLT;
    static byte[] signedLTA;

    @BeforeAll
    static void signTheRecord() throws Exception {
        signer = new PadesSigner(new PadesSettings(PKI.tsaUrl(), 10_000, 1));
        original = SamplePdfa.yearPage("Nguyễn Văn An");
        byte[] pdf = sign(original, PKI.teacher(), SignerRole.HOMEROOM_TEACHER, "Nguyễn Thị Hoa");
        pdf = sign(pdf, PKI.principal(), SignerRole.PRINCIPAL, "Trần Văn Bình");
        signedT = sign(pdf, PKI.seal(), SignerRole.SCHOOL_SEAL, "Trường Tiểu học An Lão");
        signedLT = signer.extend(signedT, BaselineLevel.B_LT);
        signedLTA = signer.extend(signedT, BaselineLevel.B_LTA);
    }

    static byte[] sign(byte[] pdf, TestPki.Identity who, SignerRole role, String name) throws SigningException {
        PreparedSignature prepared = signer.prepare(pdf, new SignatureParameters(
                new SignerInfo(name, role, null, "An Lão, Hải Phòng"), SamplePdfa.box(role), who.chainDer(),
                SignatureAlgorithm.RSA_SHA256, BaselineLevel.B_T));
        byte[] value = who.signDigest(prepared.digest(), prepared.signatureAlgorithm().digestAlgorithm().oid());
        return signer.embed(prepared, value);
    }

    private static void assertAll(Reports reports, SignatureLevel level, Indication indication) {
        SimpleReport simple = reports.getSimpleReport();
        List<String> ids = simple.getSignatureIdList();
        assertEquals(3, ids.size(), "three signatures");
        for (String id : ids) {
            assertEquals(level, simple.getSignatureFormat(id), "format of " + id);
            assertEquals(indication, simple.getIndication(id),
                    () -> id + ": " + simple.getSubIndication(id) + " " + simple.getAdESValidationErrors(id));
        }
    }

    @Test
    void bTPassesDss() {
        assertAll(IndependentValidators.dss(signedT, PKI.root().certificate(), true), SignatureLevel.PAdES_BASELINE_T,
                Indication.TOTAL_PASSED);
    }

    @Test
    void bLtPassesDssOffline() {
        assertAll(IndependentValidators.dss(signedLT, PKI.root().certificate(), false), SignatureLevel.PAdES_BASELINE_LT,
                Indication.TOTAL_PASSED);
    }

    @Test
    void bLtaPassesDssOffline() {
        assertAll(IndependentValidators.dss(signedLTA, PKI.root().certificate(), false), SignatureLevel.PAdES_BASELINE_LTA,
                Indication.TOTAL_PASSED);
    }

    @Test
    void signedPdfIsStillPdfA3b() throws Exception {
        assertEquals(List.of(), IndependentValidators.veraPdfA3bFailures(original), "the input");
        assertEquals(List.of(), IndependentValidators.veraPdfA3bFailures(signedLTA), "after all signatures");
    }

    @Test
    void aFlippedByteFailsDss() {
        byte[] tampered = signedLTA.clone();
        int at = indexOf(tampered, "Tiếng Việt".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int pos = at > 0 ? at : tampered.length / 4;
        tampered[pos] ^= 0x01;
        Reports reports = IndependentValidators.dss(tampered, PKI.root().certificate(), false);
        SimpleReport simple = reports.getSimpleReport();
        assertTrue(simple.getSignatureIdList().size() >= 1);
        for (String id : simple.getSignatureIdList()) {
            assertEquals(Indication.TOTAL_FAILED, simple.getIndication(id));
        }
    }

    @Test
    void principalCannotSignBeforeTeacher() {
        assertThrows(SignatureOrderException.class, () -> sign(original, PKI.principal(), SignerRole.PRINCIPAL, "Trần Văn Bình"));
        assertThrows(SignatureOrderException.class, () -> sign(original, PKI.seal(), SignerRole.SCHOOL_SEAL, "Trường"));
    }

    @Test
    void nothingSignsAfterTheSeal() {
        assertThrows(SignatureOrderException.class, () -> sign(signedT, PKI.deputy(), SignerRole.DEPUTY_PRINCIPAL, "Lê Thị Thu Hà"));
        assertThrows(SignatureOrderException.class, () -> sign(signedLTA, PKI.seal(), SignerRole.SCHOOL_SEAL, "Trường"));
    }

    @Test
    void rolesAreReadBackInOrder() throws Exception {
        assertEquals(List.of(SignerRole.HOMEROOM_TEACHER, SignerRole.PRINCIPAL, SignerRole.SCHOOL_SEAL),
                signer.signedRoles(signedLTA));
    }

    @Test
    void theBoxesShowRoleNameAndTimeInVietnamese() throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(signedLTA)) {
            String teacher = appearanceText(doc, "hocba-HOMEROOM_TEACHER");
            assertTrue(teacher.contains("GIÁO VIÊN CHỦ NHIỆM"), teacher);
            assertTrue(teacher.contains("Nguyễn Thị Hoa"), teacher);
            assertTrue(teacher.matches("(?s).*Ký lúc: \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}.*"), teacher);
            assertTrue(appearanceText(doc, "hocba-PRINCIPAL").contains("HIỆU TRƯỞNG"));
            assertTrue(appearanceText(doc, "hocba-SCHOOL_SEAL").contains("Trường Tiểu học An Lão"));
        }
    }

    /** The text drawn in a signature field's appearance, decoded through the embedded fonts' ToUnicode maps. */
    static String appearanceText(org.apache.pdfbox.pdmodel.PDDocument doc, String field) throws Exception {
        var widget = ((org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField) doc.getDocumentCatalog().getAcroForm()
                .getField(field)).getWidgets().get(0);
        var stream = widget.getAppearance().getNormalAppearance().getAppearanceStream();
        StringBuilder text = new StringBuilder();
        org.apache.pdfbox.pdmodel.font.PDFont font = null;
        java.util.List<Object> operands = new java.util.ArrayList<>();
        var parser = new org.apache.pdfbox.pdfparser.PDFStreamParser(stream);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof org.apache.pdfbox.contentstream.operator.Operator op) {
                if (op.getName().equals("Tf")) {
                    font = stream.getResources().getFont((org.apache.pdfbox.cos.COSName) operands.get(0));
                    assertTrue(font.isEmbedded(), "embedded font");
                } else if (op.getName().equals("Tj")) {
                    var in = new java.io.ByteArrayInputStream(((org.apache.pdfbox.cos.COSString) operands.get(0)).getBytes());
                    while (in.available() > 0) {
                        text.append(font.toUnicode(font.readCode(in)));
                    }
                    text.append('\n');
                }
                operands.clear();
            } else {
                operands.add(token);
            }
        }
        return text.toString();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
