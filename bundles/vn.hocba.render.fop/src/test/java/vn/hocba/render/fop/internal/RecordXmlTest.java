package vn.hocba.render.fop.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.hocba.model.ResultOverride;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearRecord;

/** The documented record XML: valid against its schema, stable bytes, the effective result, no override reason. */
class RecordXmlTest {

    static final Schema SCHEMA = schema();

    static List<YearRecord> samples() {
        List<YearRecord> all = new ArrayList<>(SampleRecords.all());
        all.add(overriddenAndCorrected());
        return all;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void isValidAgainstRecordSchema(YearRecord record) throws Exception {
        SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(RecordXml.write(record))));
    }

    @Test
    void sameRecordGivesTheSameBytes() {
        assertArrayEquals(RecordXml.write(SampleRecords.grade5()), RecordXml.write(SampleRecords.grade5()));
    }

    @Test
    void subjectsComeInProgrammeOrderWhateverTheInputOrder() {
        YearRecord r = SampleRecords.grade5();
        List<SubjectResult> shuffled = new ArrayList<>(r.assessment().subjects());
        Collections.reverse(shuffled);
        YearAssessment a = r.assessment();
        YearRecord reordered = r.withAssessment(new YearAssessment(a.grade(), a.disabledNotAssessed(), shuffled,
                a.traits(), a.awards(), a.generalComment(), a.supplementary()));
        assertArrayEquals(RecordXml.write(r), RecordXml.write(reordered));
    }

    @Test
    void statesTheOverriddenResultButNeverTheReason() {
        String xml = RecordXml.toText(overriddenAndCorrected());
        assertTrue(xml.contains("result=\"HT\""), xml);
        assertTrue(xml.contains("completedGrade=\"true\""), xml);
        assertFalse(xml.contains("đánh giá lại sau khi phúc khảo"), "override reason stays in the audit trail");
        assertTrue(xml.contains("<correction replacesVersion=\"1\" approvedBy=\"Nguyễn Văn Hùng\">"), xml);
    }

    @Test
    void keepsVietnameseTextAndRetestScores() {
        String xml = RecordXml.toText(SampleRecords.grade3());
        assertTrue(xml.contains("<fullName>Lê Hoàng Phúc</fullName>"), xml);
        assertTrue(xml.contains("code=\"TOAN\" label=\"Toán\" level=\"H\" levelLabel=\"Hoàn thành\" score=\"6\" "
                + "scores=\"4 6\""), xml);
        assertTrue(xml.contains("level=\"Đ\" levelLabel=\"Đạt\""), xml);
        assertEquals(xml, java.text.Normalizer.normalize(xml, java.text.Normalizer.Form.NFC));
    }

    static YearRecord overriddenAndCorrected() {
        YearRecord r = SampleRecords.grade3();
        return new YearRecord(r.recordId(), 2, r.state(), r.school(), r.schoolClass(), r.pupil(), r.history(),
                r.assessment(), r.outcome(),
                new ResultOverride(YearEndResult.HOAN_THANH, "đánh giá lại sau khi phúc khảo", "gv01",
                        Instant.parse("2025-05-20T08:00:00Z")),
                new YearRecord.Correction(1, "Sửa nhận xét môn Toán", "Nguyễn Văn Hùng"), r.place(), r.issueDate());
    }

    private static Schema schema() {
        try {
            return SchemaFactory.newDefaultInstance().newSchema(
                    new StreamSource(RecordXmlTest.class.getResource("/schema/record-1.xsd").toExternalForm()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static {
        assertTrue(XMLConstants.W3C_XML_SCHEMA_NS_URI.startsWith("http"));
    }
}
