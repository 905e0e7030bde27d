package vn.hocba.render.fop.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.hocba.model.Subject;
import vn.hocba.model.YearRecord;
import vn.hocba.render.RenderOptions;
import vn.hocba.render.RenderedRecord;
import vn.hocba.render.SignatureBox;
import vn.hocba.render.SignatureRole;

/** Every sample rendered once, then checked by independent tools (veraPDF, PDFBox, ZXing on the pixels). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderedRecordTest {

    static final String PRINCIPAL = "Nguyễn Văn Hùng";
    static final float A4_WIDTH = 595.28f;
    static final float RIGHT_MARGIN = 42.52f; // 15 mm

    private final Map<String, YearRecord> records = new LinkedHashMap<>();
    private final Map<String, RenderedRecord> rendered = new LinkedHashMap<>();

    @BeforeAll
    void renderSamples() {
        FopRecordRenderer renderer = new FopRecordRenderer(DefaultTemplate.ID, "https://hocba.example/verify");
        renderer.addTemplate(new DefaultTemplate());
        for (YearRecord r : SampleRecords.all()) {
            records.put(r.recordId(), r);
            rendered.put(r.recordId(), renderer.render(r, RenderOptions.defaults().withPrincipal(PRINCIPAL, "")));
        }
    }

    Stream<String> samples() {
        return SampleRecords.all().stream().map(YearRecord::recordId);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void isValidPdfA3b(String id) throws Exception {
        List<String> failures = PdfChecks.pdfa3bFailures(rendered.get(id).pdf());
        assertTrue(failures.isEmpty(), () -> "veraPDF PDF/A-3b failures: " + failures);
    }

    @Test
    void veraPdfDoesRejectAnOrdinaryPdf() throws Exception {
        try (PDDocument plain = new PDDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            plain.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            plain.save(out);
            assertFalse(PdfChecks.pdfa3bFailures(out.toByteArray()).isEmpty(), "the validator is not a no-op");
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void embedsEveryFont(String id) throws Exception {
        try (PDDocument doc = PdfChecks.load(rendered.get(id).pdf())) {
            Map<String, Boolean> fonts = PdfChecks.fonts(doc);
            assertFalse(fonts.isEmpty());
            fonts.forEach((name, embedded) -> {
                assertTrue(embedded, () -> "font not embedded: " + name);
                assertTrue(name.contains("Liberation"), () -> "unexpected font: " + name);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void textHasPupilSchoolAndExactlyTheSubjectsOfTheRecord(String id) throws Exception {
        YearRecord r = records.get(id);
        try (PDDocument doc = PdfChecks.load(rendered.get(id).pdf())) {
            String text = PdfChecks.text(doc);
            assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC), "extracted text is NFC");
            assertTrue(text.contains(r.pupil().fullName()), "pupil's name");
            assertTrue(text.contains(r.school().name()), "school's name");
            assertTrue(text.contains(r.schoolClass().homeroomTeacher()), "homeroom teacher");
            assertTrue(text.contains(PRINCIPAL), "principal");

            // The subject table lies between its heading and the next section.
            String table = between(text, "1. Các môn học và hoạt động giáo dục", "2. Những phẩm chất chủ yếu");
            List<Subject> printed = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (Subject s : Subject.values()) {
                int at = table.indexOf(s.label() + " ") >= 0 ? table.indexOf(s.label() + " ")
                        : table.indexOf(s.label() + "\n");
                if (at >= 0) {
                    printed.add(s);
                    positions.add(at);
                }
            }
            List<Subject> expected = r.assessment().subjects().stream().map(x -> x.subject()).sorted().toList();
            assertEquals(expected, printed, "exactly the record's subjects");
            List<Integer> sorted = new ArrayList<>(positions);
            sorted.sort(null);
            assertEquals(sorted, positions, "subjects printed in programme order");
        }
    }

    @Test
    void gradeOneAndGradeFivePagesShowTheirGradesSubjects() throws Exception {
        assertEquals(SampleRecords.subjectsOfGrade(1),
                printedSubjects(SampleRecords.grade1().recordId()));
        assertEquals(SampleRecords.subjectsOfGrade(5),
                printedSubjects(SampleRecords.grade5().recordId()));
        assertFalse(printedSubjects(SampleRecords.grade1().recordId()).contains(Subject.NN1), "no NN1 in grade 1");
        assertFalse(printedSubjects(SampleRecords.grade5().recordId()).contains(Subject.TNXH), "no TNXH in grade 5");
    }

    private List<Subject> printedSubjects(String id) throws Exception {
        try (PDDocument doc = PdfChecks.load(rendered.get(id).pdf())) {
            String table = between(PdfChecks.text(doc), "1. Các môn học và hoạt động giáo dục",
                    "2. Những phẩm chất chủ yếu");
            return Arrays.stream(Subject.values())
                    .filter(s -> table.contains(s.label() + " ") || table.contains(s.label() + "\n")).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void attachesTheRecordDataAsPdfA3AssociatedFile(String id) throws Exception {
        RenderedRecord out = rendered.get(id);
        byte[] expected = RecordXml.write(records.get(id));
        assertArrayEquals(expected, out.data().bytes(), "the attachment is the record XML");
        assertEquals(FopEngine.sha256Hex(expected), out.dataSha256());
        try (PDDocument doc = PdfChecks.load(out.pdf())) {
            List<PdfChecks.Attachment> files = PdfChecks.attachments(doc);
            assertEquals(1, files.size());
            PdfChecks.Attachment file = files.get(0);
            assertEquals(RecordXml.FILE_NAME, file.name());
            assertArrayEquals(expected, file.bytes(), "embedded bytes equal the record's data");
            assertEquals("Data", file.relationship());
            assertTrue(file.inCatalogAF(), "listed in the catalogue's /AF");
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void xmpNamesTitlePupilSchoolYearRecordAndVersion(String id) throws Exception {
        YearRecord r = records.get(id);
        try (PDDocument doc = PdfChecks.load(rendered.get(id).pdf())) {
            String xmp = PdfChecks.xmp(doc);
            assertTrue(xmp.contains("<hocba:recordId>" + r.recordId() + "</hocba:recordId>"), xmp);
            assertTrue(xmp.contains("<hocba:recordVersion>" + r.version() + "</hocba:recordVersion>"), xmp);
            assertTrue(xmp.contains("<hocba:pupilName>" + r.pupil().fullName() + "</hocba:pupilName>"), xmp);
            assertTrue(xmp.contains("<hocba:schoolName>" + r.school().name() + "</hocba:schoolName>"), xmp);
            assertTrue(xmp.contains("<hocba:schoolYear>" + r.year() + "</hocba:schoolYear>"), xmp);
            assertTrue(doc.getDocumentInformation().getTitle().contains(r.pupil().fullName()), "Info /Title");
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyPageCarriesTheVerificationQrCode(String id) throws Exception {
        RenderedRecord out = rendered.get(id);
        YearRecord r = records.get(id);
        assertEquals("https://hocba.example/verify?id=" + r.recordId() + "&v=" + r.version() + "&h="
                + out.dataSha256(), out.verificationUrl());
        try (PDDocument doc = PdfChecks.load(out.pdf())) {
            assertEquals(out.pageCount(), doc.getNumberOfPages());
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                assertEquals(out.verificationUrl(), PdfChecks.qrText(doc, page), "QR code on page " + page);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void signatureBoxesAreWhereTheFormPrintsTheSignatureBlocks(String id) throws Exception {
        RenderedRecord out = rendered.get(id);
        YearRecord r = records.get(id);
        assertEquals(3, out.signatureBoxes().size());
        SignatureBox teacher = out.box(SignatureRole.HOMEROOM_TEACHER).orElseThrow();
        SignatureBox principal = out.box(SignatureRole.PRINCIPAL).orElseThrow();
        SignatureBox seal = out.box(SignatureRole.SCHOOL_SEAL).orElseThrow();
        for (SignatureBox b : out.signatureBoxes()) {
            assertEquals(out.pageCount(), b.page(), "signatures are on the last page");
            assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.width() <= A4_WIDTH && b.y() + b.height() <= 842,
                    "inside the page: " + b);
        }
        assertEquals(62 * 72 / 25.4f, teacher.width(), 0.5f, "62 mm wide as laid out");
        assertEquals(28 * 72 / 25.4f, principal.height(), 0.5f, "28 mm high as laid out");
        assertFalse(PdfChecks.overlap(teacher, principal));
        assertFalse(PdfChecks.overlap(seal, principal));
        assertTrue(seal.x() + seal.width() <= principal.x(), "seal box left of the principal's");
        try (PDDocument doc = PdfChecks.load(out.pdf())) {
            int page = teacher.page();
            assertTrue(PdfChecks.textIn(doc, page, teacher.x(), teacher.y() + teacher.height(), teacher.width(), 14)
                    .contains("(Ký và ghi rõ họ tên)"), "the teacher's caption is right above the box");
            assertTrue(PdfChecks.textIn(doc, page, teacher.x(), teacher.y() - 14, teacher.width(), 14)
                    .contains(r.schoolClass().homeroomTeacher()), "the teacher's name is right below the box");
            assertTrue(PdfChecks.textIn(doc, page, seal.x(), principal.y() + principal.height(),
                    principal.x() + principal.width() - seal.x(), 14).contains("(Ký, ghi rõ họ tên và đóng dấu)"),
                    "the principal's caption is right above the boxes");
            assertTrue(PdfChecks.textIn(doc, page, seal.x(), principal.y() - 14,
                    principal.x() + principal.width() - seal.x(), 14).contains(PRINCIPAL),
                    "the principal's name is right below the boxes");
            assertEquals("", PdfChecks.textIn(doc, page, principal.x(), principal.y(), principal.width(),
                    principal.height()).strip(), "nothing printed inside the principal's box");
        }
    }

    @Test
    void typicalRecordsAreTwoPages() {
        for (YearRecord r : List.of(SampleRecords.grade1(), SampleRecords.grade3(), SampleRecords.grade5())) {
            assertEquals(2, rendered.get(r.recordId()).pageCount(), r.recordId());
        }
    }

    @Test
    void longCommentsWrapInsideTheTableAndSpillOntoMorePages() throws Exception {
        YearRecord r = SampleRecords.longComments();
        RenderedRecord out = rendered.get(r.recordId());
        assertTrue(out.pageCount() > 2, "long comments take more pages: " + out.pageCount());
        try (PDDocument doc = PdfChecks.load(out.pdf())) {
            assertTrue(PdfChecks.rightmostGlyph(doc) <= A4_WIDTH - RIGHT_MARGIN + 0.5f,
                    "no text beyond the right margin");
            String flat = PdfChecks.text(doc).replaceAll("\\s+", " ");
            String comment = r.assessment().subjects().get(0).comment();
            assertTrue(flat.contains(comment), "the whole comment is printed, wrapped");
        }
    }

    @Test
    void disabledNotAssessedPupilsPageSaysSo() throws Exception {
        YearRecord r = SampleRecords.disabledNotAssessed();
        try (PDDocument doc = PdfChecks.load(rendered.get(r.recordId()).pdf())) {
            String text = PdfChecks.text(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Học sinh khuyết tật không đánh giá"), "notice");
            assertTrue(text.contains("4. Đánh giá kết quả giáo dục: Không đánh giá (học sinh khuyết tật)"), text);
            long notAssessedCells = Arrays.stream(text.split("Không đánh giá", -1)).count() - 1;
            int items = r.assessment().subjects().size() + r.assessment().traits().size();
            assertTrue(notAssessedCells >= items, "every subject and trait says not assessed: " + notAssessedCells);
            assertFalse(text.contains("Mức đạt được: T – Hoàn thành tốt"), "no level legend");
        }
    }

    @Test
    void identityPageHasTheStudyHistory() throws Exception {
        YearRecord r = SampleRecords.grade5();
        try (PDDocument doc = PdfChecks.load(rendered.get(r.recordId()).pdf())) {
            String page1 = PdfChecks.textOfPage(doc, 1);
            assertTrue(page1.contains("QUÁ TRÌNH HỌC TẬP"));
            for (var h : r.history()) {
                assertTrue(page1.contains(h.year().toString() + " " + h.className()), "history row " + h.year());
            }
            assertTrue(page1.contains(r.pupil().personalId()));
            assertTrue(PdfChecks.textOfPage(doc, 2).contains("Hoàn thành chương trình tiểu học"));
        }
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        int b = text.indexOf(to, Math.max(a, 0));
        assertTrue(a >= 0 && b > a, () -> "section '" + from + "' not found in:\n" + text);
        return text.substring(a + from.length(), b);
    }
}
