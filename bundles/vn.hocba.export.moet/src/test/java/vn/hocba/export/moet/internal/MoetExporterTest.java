package vn.hocba.export.moet.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hocba.export.ExportException;
import vn.hocba.export.Signatory;
import vn.hocba.export.moet.SampleRecords;
import vn.hocba.export.spi.ParsedRecord;
import vn.hocba.model.FollowUp;
import vn.hocba.model.Promotion;
import vn.hocba.model.RecordState;
import vn.hocba.model.ResultOverride;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearOutcome;
import vn.hocba.model.YearRecord;

class MoetExporterTest {

    private final MoetExporter exporter = new MoetExporter();

    @Test
    void everyRecordRoundTripsAndValidates() {
        for (int i = 0; i < 60; i++) {
            YearRecord record = SampleRecords.record(i);
            List<Signatory> signers = SampleRecords.signatories(record.school());
            byte[] xml = exporter.toXml(record, signers);
            assertEquals(List.of(), exporter.validate(xml), "record " + i);
            ParsedRecord back = exporter.fromXml(xml);
            assertEquals(expectedAfterRoundTrip(record), back.record(), "record " + i);
            assertEquals(signers, back.signatories());
        }
    }

    @Test
    void theOverrideReasonStaysInTheAuditTrailButTheResultsTravel() {
        YearRecord record = SampleRecords.record(1);
        assertNotNull(record.override());
        String xml = new String(exporter.toXml(record, List.of()), StandardCharsets.UTF_8);
        assertFalse(xml.contains(record.override().reason()));
        assertTrue(xml.contains("<ketquadanhgia>HTT</ketquadanhgia>"));
        assertTrue(xml.contains("<ketquatheoquydinh>HT</ketquatheoquydinh>"));
        YearRecord back = exporter.fromXml(xml.getBytes(StandardCharsets.UTF_8)).record();
        assertEquals(YearEndResult.HOAN_THANH_TOT, back.effectiveResult());
        assertEquals(YearEndResult.HOAN_THANH, back.outcome().result());
    }

    @Test
    void catalogueNamesCodesDatesAndBooleans() {
        YearRecord record = SampleRecords.record(4);
        String xml = new String(exporter.toXml(record, SampleRecords.signatories(record.school())),
                StandardCharsets.UTF_8);
        assertTrue(xml.contains("<thongtinsohocbasotieuhoc xmlns=\"urn:hocba:moet:hocbaso-tieuhoc:1.0\" phienbanluocdo=\"1.0\">"));
        for (String field : List.of("<madinhdanhhocba>HP-AL-TH01-2024-00004</madinhdanhhocba>", "<masogd>HP</masogd>",
                "<matruong>HP-AL-TH01</matruong>", "<mahocsinh>HS000004</mahocsinh>", "<gioitinh>1</gioitinh>",
                "<ngaysinh>2016-05-05</ngaysinh>", "<makhoi>3</makhoi>", "<cokhuyettatkhongdanhgia>0</cokhuyettatkhongdanhgia>",
                "<dahthanhctrinhlophoc>1</dahthanhctrinhlophoc>", "<dahthanhctrinhtieuhoc>0</dahthanhctrinhtieuhoc>",
                "<duoclenlop>1</duoclenlop>", "<chucvugiamhieu>Phó hiệu trưởng phụ trách chuyên môn</chucvugiamhieu>",
                "<diadanhphathanh>An Lão</diadanhphathanh>", "<trangthaithongtinhocba>4</trangthaithongtinhocba>",
                "<thongtinsohocbasotieuhoc_dsbangdiem>", "<thongtinsohocbasotieuhoc_quatrinhhoctap>",
                "<mucdatduoc>Đ</mucdatduoc>", "<maloaikhenthuong>HSTB</maloaikhenthuong>", "<vaitroky>CDT</vaitroky>")) {
            assertTrue(xml.contains(field), field);
        }
        assertTrue(Normalizer.isNormalized(xml, Normalizer.Form.NFC));
    }

    @Test
    void decomposedInputIsWrittenNfc() {
        YearRecord record = SampleRecords.record(2);
        String nfd = Normalizer.normalize("Nguyễn Thị Hoa", Normalizer.Form.NFD);
        List<Signatory> signers = List.of(new Signatory(vn.hocba.signing.SignerRole.HOMEROOM_TEACHER, nfd, ""));
        String xml = new String(exporter.toXml(record, signers), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<hoten>Nguyễn Thị Hoa</hoten>"));
        assertFalse(xml.contains(nfd));
    }

    @Test
    void sameRecordSameBytes() {
        YearRecord record = SampleRecords.record(5);
        assertArrayEquals(exporter.toXml(record, List.of()), exporter.toXml(record, List.of()));
    }

    @Test
    void aDisabledPupilNotAssessedAndAnUndecidedOutcomeValidate() {
        YearRecord base = SampleRecords.record(3);
        YearAssessment a = base.assessment();
        YearAssessment none = new YearAssessment(a.grade(), true,
                a.subjects().stream().map(s -> s.withLevel(null)).map(s -> new vn.hocba.model.SubjectResult(
                        s.subject(), null, List.of(), "", "")).toList(),
                a.traits().stream().map(t -> new vn.hocba.model.TraitResult(t.trait(), null, "")).toList(),
                List.of(), "", false);
        YearRecord record = base.withAssessment(none)
                .withOutcome(new YearOutcome(null, false, false, false, Promotion.UNDECIDED, FollowUp.PRINCIPAL_DECISION))
                .withOverride(null).withState(RecordState.LOCKED);
        byte[] xml = exporter.toXml(record, List.of());
        assertEquals(List.of(), exporter.validate(xml));
        assertEquals(record, exporter.fromXml(xml).record());

        YearRecord draft = base.withOutcome(null).withOverride(null).withState(RecordState.DRAFT);
        byte[] draftXml = exporter.toXml(draft, List.of());
        assertEquals(List.of(), exporter.validate(draftXml));
        assertEquals(draft, exporter.fromXml(draftXml).record());
    }

    @Test
    void aWrongSchemaIsRefusedWithTheReason() {
        byte[] xml = exporter.toXml(SampleRecords.record(2), List.of());
        String text = new String(xml, StandardCharsets.UTF_8);
        byte[] badScore = text.replaceFirst("<diemktdkcuoinam>\\d+", "<diemktdkcuoinam>11").getBytes(StandardCharsets.UTF_8);
        List<String> problems = exporter.validate(badScore);
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0).startsWith("line "), problems.get(0));
        ExportException e = assertThrows(ExportException.class, () -> exporter.fromXml(badScore));
        assertTrue(e.messageVi().contains("không đúng lược đồ"));

        byte[] otherNamespace = text.replace("urn:hocba:moet:hocbaso-tieuhoc:1.0", "urn:other:2.0")
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(exporter.validate(otherNamespace).isEmpty());
        assertFalse(exporter.validate("<a/>".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertFalse(exporter.validate("not xml".getBytes(StandardCharsets.UTF_8)).isEmpty());
        byte[] doctype = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + text.substring(text.indexOf("<thongtin"))).getBytes(StandardCharsets.UTF_8);
        assertThrows(ExportException.class, () -> exporter.fromXml(doctype));
    }

    @Test
    void theSchemaIsPublishedInTheBundle() {
        String xsd = new String(exporter.schema(), StandardCharsets.UTF_8);
        assertTrue(xsd.contains("targetNamespace=\"urn:hocba:moet:hocbaso-tieuhoc:1.0\""));
        assertEquals("moet-tieuhoc-1.0", exporter.id());
        assertEquals("1.0", exporter.schemaVersion());
    }

    /** What the XML carries of a record: everything, except the override's reason, author and time. */
    static YearRecord expectedAfterRoundTrip(YearRecord r) {
        if (r.override() == null) return r;
        return r.withOverride(new ResultOverride(r.override().result(), MoetNames.OVERRIDE_NOTE,
                "school:" + r.school().code(), r.issueDate().atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
    }
}
