package vn.hocba.render.fop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.YearRecord;
import vn.hocba.render.RenderException;
import vn.hocba.render.RenderOptions;
import vn.hocba.render.RenderedRecord;
import vn.hocba.render.SignatureRole;

/** Two templates, chosen per school by configuration, swapped at runtime (plain Java, as DS would call it). */
class TemplateSelectionTest {

    static final String MARKER = "MẪU HỌC BẠ CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO THỬ NGHIỆM";
    static final School OTHER_SCHOOL = new School("HP-AL-TH02", "Trường Tiểu học An Thắng", "HP-AL", "HP");

    private final FopRecordRenderer renderer = new FopRecordRenderer(DefaultTemplate.ID, "https://hocba.example/v");
    private final TestTemplate province = TestTemplate.province();
    private final SchoolTemplateChoice otherSchoolChoice = new SchoolTemplateChoice(OTHER_SCHOOL.code(),
            province.id());

    TemplateSelectionTest() {
        renderer.addTemplate(new DefaultTemplate());
        renderer.addTemplate(province);
        renderer.addSchoolChoice(otherSchoolChoice);
    }

    @Test
    void eachSchoolIsPrintedWithItsConfiguredTemplate() throws Exception {
        assertEquals(Set.of(DefaultTemplate.ID, province.id()), renderer.templateIds());
        RenderedRecord mine = renderer.render(SampleRecords.grade3(), RenderOptions.defaults());
        RenderedRecord other = renderer.render(atOtherSchool(SampleRecords.grade3()), RenderOptions.defaults());

        assertEquals(DefaultTemplate.ID, mine.templateId());
        assertEquals(province.id(), other.templateId());
        assertTrue(text(mine).contains("QUÁ TRÌNH HỌC TẬP"));
        assertTrue(!text(mine).contains(MARKER));
        assertTrue(text(other).contains(MARKER));
        assertTrue(text(other).contains(OTHER_SCHOOL.name()));
        assertEquals(List.of("parts.xsl", "emblem.svg"), province.resourcesRead,
                "the included stylesheet and the emblem came from the template's bundle");
    }

    @Test
    void anotherTemplatesOutputIsStillPdfA3bWithEmbeddedFontsDataAndBoxes() throws Exception {
        RenderedRecord other = renderer.render(atOtherSchool(SampleRecords.grade1()), RenderOptions.defaults());
        assertEquals(List.of(), PdfChecks.pdfa3bFailures(other.pdf()));
        try (PDDocument doc = PdfChecks.load(other.pdf())) {
            PdfChecks.fonts(doc).forEach((name, embedded) -> assertTrue(embedded, name));
            assertEquals(1, PdfChecks.attachments(doc).size());
            assertEquals(other.verificationUrl(), PdfChecks.qrText(doc, 1));
        }
        assertEquals(3, other.signatureBoxes().size());
        assertEquals(50 * 72 / 25.4f, other.box(SignatureRole.PRINCIPAL).orElseThrow().width(), 0.5f);
    }

    @Test
    void removingTheChoiceOrTheTemplateFallsBackToTheDefault() {
        YearRecord other = atOtherSchool(SampleRecords.grade1());
        assertEquals(province.id(), renderer.templateIdFor(OTHER_SCHOOL.code()));

        renderer.removeTemplate(province); // the province's bundle is stopped
        assertEquals(DefaultTemplate.ID, renderer.templateIdFor(OTHER_SCHOOL.code()));
        assertEquals(DefaultTemplate.ID, renderer.render(other, RenderOptions.defaults()).templateId());

        renderer.addTemplate(province); // and started again
        assertEquals(province.id(), renderer.render(other, RenderOptions.defaults()).templateId());

        renderer.removeSchoolChoice(otherSchoolChoice); // the school's configuration is deleted
        assertEquals(DefaultTemplate.ID, renderer.templateIdFor(OTHER_SCHOOL.code()));
    }

    @Test
    void theDefaultTemplateIsConfiguration() {
        FopRecordRenderer provinceWide = new FopRecordRenderer(province.id(), "https://hocba.example/v");
        provinceWide.addTemplate(new DefaultTemplate());
        provinceWide.addTemplate(province);
        assertEquals(province.id(), provinceWide.templateIdFor("ANY-SCHOOL"));
        assertEquals(province.id(), provinceWide.render(SampleRecords.grade1(), null).templateId());
    }

    @Test
    void aTemplateNamedInTheOptionsWinsAndAnUnknownOneIsAnError() {
        assertEquals(province.id(),
                renderer.render(SampleRecords.grade1(), RenderOptions.defaults().withTemplate(province.id()))
                        .templateId());
        RenderException e = assertThrows(RenderException.class,
                () -> renderer.render(SampleRecords.grade1(), RenderOptions.defaults().withTemplate("nope")));
        assertTrue(e.messageVi().contains("Không có mẫu học bạ"), e.messageVi());
        assertTrue(e.messageEn().contains("No record template"), e.messageEn());
    }

    @Test
    void aTemplateThatWritesItsOwnDeclarationsIsRefused() {
        renderer.addTemplate(new TestTemplate("bad", "bad.xsl"));
        RenderException e = assertThrows(RenderException.class,
                () -> renderer.render(SampleRecords.grade1(), RenderOptions.defaults().withTemplate("bad")));
        assertTrue(e.getMessage().contains("fo:declarations"), e.getMessage());
    }

    private static String text(RenderedRecord r) throws Exception {
        try (PDDocument doc = PdfChecks.load(r.pdf())) {
            return PdfChecks.text(doc);
        }
    }

    static YearRecord atOtherSchool(YearRecord r) {
        SchoolClass c = r.schoolClass();
        return new YearRecord(r.recordId() + "-B", r.version(), r.state(), OTHER_SCHOOL,
                new SchoolClass(OTHER_SCHOOL.code(), c.year(), c.grade(), c.name(), c.homeroomTeacher()), r.pupil(),
                r.history(), r.assessment(), r.outcome(), r.override(), r.correction(), r.place(), r.issueDate());
    }
}
