package vn.hocba.signing.pades.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.simplereport.SimpleReport;
import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.RecordStatus;
import vn.hocba.signing.RecordStatusLookup;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.VerificationReport.ChainStatus;
import vn.hocba.signing.VerificationReport.RevocationStatus;
import vn.hocba.signing.VerificationReport.SignatureReport;
import vn.hocba.signing.testpki.TestPki;

/** Our verification service, and that it agrees with EU DSS on valid / altered / revoked. */
class PadesVerifierTest {

    static final TestPki PKI = TestPki.shared();
    static PadesVerifier offline;
    static PadesVerifier online;

    @BeforeAll
    static void sign() throws Exception {
        if (PadesSigningTest.signedLTA == null) {
            PadesSigningTest.signTheRecord();
        }
        offline = PadesVerifier.offline(List.of(PKI.root().certificate()));
        online = PadesVerifier.online(List.of(PKI.root().certificate()), 10_000);
    }

    @Test
    void ltaReportsEverySignatureWithRoleLevelAndChain() {
        VerificationReport report = offline.verify(PadesSigningTest.signedLTA);
        assertEquals(VerificationReport.Indication.TOTAL_PASSED, report.indication(), () -> Json.write(report));
        List<SignatureReport> sigs = report.signatures();
        assertEquals(4, sigs.size(), "three signatures and the archive time-stamp");
        assertEquals(List.of(SignerRole.HOMEROOM_TEACHER, SignerRole.PRINCIPAL, SignerRole.SCHOOL_SEAL),
                sigs.subList(0, 3).stream().map(SignatureReport::role).toList());
        assertEquals("Nguyễn Thị Hoa", sigs.get(0).signerName());
        assertEquals("Trường Tiểu học An Lão", sigs.get(2).signerName());
        for (SignatureReport s : sigs.subList(0, 3)) {
            assertEquals(BaselineLevel.B_LTA, s.level(), s.fieldName());
            assertEquals(ChainStatus.TRUSTED, s.chainStatus());
            assertEquals(RevocationStatus.GOOD, s.revocation());
            assertTrue(s.cryptographicallyValid());
            assertFalse(s.modifiedAfter());
            assertFalse(s.coversWholeDocument());
            assertEquals(3, s.chain().size());
        }
        assertTrue(sigs.get(3).timestampOnly());
        assertTrue(sigs.get(3).coversWholeDocument());
        String json = Json.write(report);
        assertTrue(json.contains("\"indication\":\"TOTAL_PASSED\""), json);
        assertTrue(json.contains("\"signerName\":\"Nguyễn Thị Hoa\""), json);
    }

    @Test
    void levelsFollowTheExtensions() {
        assertEquals(BaselineLevel.B_T, online.verify(PadesSigningTest.signedT).signatures().get(0).level());
        assertEquals(VerificationReport.Indication.TOTAL_PASSED, online.verify(PadesSigningTest.signedT).indication());
        VerificationReport lt = offline.verify(PadesSigningTest.signedLT);
        assertEquals(BaselineLevel.B_LT, lt.signatures().get(1).level());
        assertEquals(VerificationReport.Indication.TOTAL_PASSED, lt.indication());
    }

    @Test
    void withoutRevocationDataOfflineItIsIndeterminate() {
        assertEquals(VerificationReport.Indication.INDETERMINATE, offline.verify(PadesSigningTest.signedT).indication());
    }

    @Test
    void anUntrustedRootIsNotTrusted() {
        VerificationReport report = PadesVerifier.offline(List.of(PKI.tsa().certificate())).verify(PadesSigningTest.signedLT);
        assertEquals(ChainStatus.UNTRUSTED, report.signatures().get(0).chainStatus());
        assertNotEquals(VerificationReport.Indication.TOTAL_PASSED, report.indication());
    }

    @Test
    void agreesWithDssOnAFlippedByte() {
        byte[] tampered = PadesSigningTest.signedLTA.clone();
        tampered[tampered.length / 4] ^= 0x01;
        VerificationReport ours = offline.verify(tampered);
        assertEquals(VerificationReport.Indication.TOTAL_FAILED, ours.indication());
        assertFalse(ours.signatures().get(0).cryptographicallyValid());
        assertDss(tampered, Indication.TOTAL_FAILED);
        assertDss(PadesSigningTest.signedLTA, Indication.TOTAL_PASSED);
    }

    /** A byte of the page content flipped inside the first signed revision: every signature says so, plainly. */
    @Test
    void aByteChangedInsideTheSignedRevisionIsModifiedAfterSigning() {
        byte[] tampered = PadesSigningTest.signedLTA.clone();
        tampered[firstStreamByte(tampered)] ^= 0x01;
        VerificationReport ours = offline.verify(tampered);
        assertEquals(VerificationReport.Indication.TOTAL_FAILED, ours.indication());
        for (SignatureReport s : ours.signatures()) { // every revision starts at byte 0, so each covers the byte
            assertTrue(s.modifiedAfter(), () -> Json.write(ours));
            assertFalse(s.cryptographicallyValid(), () -> Json.write(ours));
            assertEquals(VerificationReport.Indication.TOTAL_FAILED, s.indication());
            assertEquals(PadesVerifier.MODIFIED_AFTER_SIGNING, s.messages().get(0), () -> Json.write(ours));
        }
        assertTrue(ours.messages().contains(PadesVerifier.MODIFIED_AFTER_SIGNING), ours.messages()::toString);
        assertTrue(Json.write(ours).contains("Tài liệu đã bị sửa đổi sau khi ký / the document was modified after it was signed"));
        assertDss(tampered, Indication.TOTAL_FAILED);

        VerificationReport untouched = offline.verify(PadesSigningTest.signedLTA);
        assertFalse(untouched.messages().contains(PadesVerifier.MODIFIED_AFTER_SIGNING), untouched.messages()::toString);
        untouched.signatures().forEach(s -> assertFalse(s.messages().contains(PadesVerifier.MODIFIED_AFTER_SIGNING)));
    }

    /** A byte inside the first stream body of the file, which lies before the first signature's /Contents. */
    private static int firstStreamByte(byte[] pdf) {
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int gap = text.indexOf("/Contents <");
        int stream = text.indexOf("stream\n");
        assertTrue(stream > 0 && stream < gap, "a stream before the first signature value");
        return stream + 12;
    }

    @Test
    void pagesChangedAfterSigningAreReportedAsModified() throws Exception {
        byte[] changed;
        try (PDDocument doc = Loader.loadPDF(PadesSigningTest.signedLT)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, false)) {
                cs.addRect(100, 400, 200, 20); // paint over a result
                cs.fill();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            changed = out.toByteArray();
        }
        VerificationReport ours = offline.verify(changed);
        assertTrue(ours.signatures().get(0).modifiedAfter(), () -> Json.write(ours));
        assertEquals(VerificationReport.Indication.TOTAL_FAILED, ours.indication());
        // the signature itself still matches its revision: the change came later, and the report says so
        assertTrue(ours.signatures().get(0).cryptographicallyValid(), () -> Json.write(ours));
        assertTrue(ours.signatures().get(0).messages().contains(PadesVerifier.MODIFIED_AFTER_SIGNING));
        assertTrue(ours.signatures().get(0).messages().contains("The pages were changed after this signature"));
        assertTrue(ours.messages().contains(PadesVerifier.MODIFIED_AFTER_SIGNING), ours.messages()::toString);
        // DSS's default policy only warns about such changes; its diagnostic data names them
        assertTrue(dssSeesChangesAfterFirstSignature(changed), "DSS sees the change too");
        assertFalse(dssSeesChangesAfterFirstSignature(PadesSigningTest.signedLTA), "and none in the untouched file");
        assertFalse(offline.verify(PadesSigningTest.signedLTA).signatures().get(0).modifiedAfter());
    }

    private static boolean dssSeesChangesAfterFirstSignature(byte[] pdf) {
        var diagnostic = IndependentValidators.dss(pdf, PKI.root().certificate(), false).getDiagnosticData();
        var first = diagnostic.getSignatures().stream()
                .filter(s -> "hocba-HOMEROOM_TEACHER".equals(s.getSignatureFieldNames().get(0))).findFirst().orElseThrow();
        var revision = first.getPDFRevision();
        return revision.arePdfModificationsDetected() || !revision.getPdfUndefinedChanges().isEmpty();
    }

    @Test
    void aRevokedSignerFailsHereAndInDss() throws Exception {
        byte[] pdf = PadesSigningTest.sign(SamplePdfa.yearPage("Trần Thị Bích"), PKI.revokedTeacher(),
                SignerRole.HOMEROOM_TEACHER, "Phạm Đức Dũng");
        VerificationReport ours = online.verify(pdf);
        assertEquals(RevocationStatus.REVOKED, ours.signatures().get(0).revocation());
        assertEquals(VerificationReport.Indication.TOTAL_FAILED, ours.indication());
        SimpleReport dss = IndependentValidators.dss(pdf, PKI.root().certificate(), true).getSimpleReport();
        assertNotEquals(Indication.TOTAL_PASSED, dss.getIndication(dss.getFirstSignatureId()));
    }

    @Test
    void aSupersededRecordIsSaidSo() {
        VerificationReport plain = offline.verify(PadesSigningTest.signedLTA);
        RecordStatusLookup store = sha -> sha.equals(plain.documentSha256())
                ? java.util.Optional.of(new RecordStatus("hb-31000001-0001", 1, "SUPERSEDED", true, 2, false, "Sửa điểm Toán"))
                : java.util.Optional.empty();
        VerificationReport report = SignatureVerifierComponent.withRecordStatus(plain, store);
        assertTrue(report.record().superseded());
        assertEquals(2, report.record().supersededByVersion());
        assertTrue(report.messages().stream().anyMatch(m -> m.contains("Superseded by version 2")), report.messages()::toString);
        assertTrue(Json.write(report).contains("\"supersededByVersion\":2"));
        assertEquals(null, SignatureVerifierComponent.withRecordStatus(offline.verify(PadesSigningTest.signedT), store).record());
    }

    private static void assertDss(byte[] pdf, Indication expected) {
        SimpleReport dss = IndependentValidators.dss(pdf, PKI.root().certificate(), false).getSimpleReport();
        for (String id : dss.getSignatureIdList()) {
            assertEquals(expected, dss.getIndication(id));
        }
    }
}
