package vn.hocba.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hocba.export.Signatory;
import vn.hocba.export.moet.internal.MoetExporter;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.YearRecord;
import vn.hocba.render.EmbeddedData;
import vn.hocba.signing.SignerRole;
import vn.hocba.workflow.RefusalCode;
import vn.hocba.workflow.WorkflowException;

/** The XML the signers sign is the school's export schema, written by the real exporter, with the planned signers. */
class ExportXmlTest {
    private static final Settings.Principal PRINCIPAL = new Settings.Principal("Nguyễn Văn Hùng", "Hiệu trưởng");

    private final YearRecord record = withTeacher(Fixture.record("r1", "3A", "0001", "Trần Hữu Ánh", "031216000001"),
            "Phạm Thị Lan");

    @Test
    void signersAreTheClassTeacherTheConfiguredPrincipalAndTheSchool() {
        List<Signatory> s = ExportXml.signatories(record, PRINCIPAL);
        assertEquals(List.of(new Signatory(SignerRole.HOMEROOM_TEACHER, "Phạm Thị Lan", ""),
                new Signatory(SignerRole.PRINCIPAL, "Nguyễn Văn Hùng", "Hiệu trưởng"),
                new Signatory(SignerRole.SCHOOL_SEAL, "Trường Tiểu học An Thắng", "")), s);

        Settings.Principal deputy = new Settings.Principal("Đỗ Thị Mai", "Phó hiệu trưởng");
        assertEquals(SignerRole.DEPUTY_PRINCIPAL, ExportXml.signatories(record, deputy).get(1).role());
        // no principal configured: the XML names only who is known (the schema allows it), never a made-up name
        assertEquals(List.of(SignerRole.HOMEROOM_TEACHER, SignerRole.SCHOOL_SEAL),
                ExportXml.signatories(record, null).stream().map(Signatory::role).toList());
    }

    @Test
    void theAttachedXmlIsValidInTheSchoolsExportSchema() {
        MoetExporter moet = new MoetExporter();
        EmbeddedData data = ExportXml.of(moet, record, PRINCIPAL);
        assertEquals("application/xml", data.mimeType());
        assertEquals(List.of(), moet.validate(data.bytes()));
        String xml = new String(data.bytes(), StandardCharsets.UTF_8);
        assertTrue(xml.contains(moet.schemaNamespace()), xml);
        assertTrue(xml.contains("Nguyễn Văn Hùng") && xml.contains("Phạm Thị Lan"), xml);
        assertEquals(List.of(new Signatory(SignerRole.HOMEROOM_TEACHER, "Phạm Thị Lan", ""),
                new Signatory(SignerRole.PRINCIPAL, "Nguyễn Văn Hùng", "Hiệu trưởng"),
                new Signatory(SignerRole.SCHOOL_SEAL, "Trường Tiểu học An Thắng", "")),
                moet.fromXml(data.bytes()).signatories());
    }

    @Test
    void withoutAnExporterTheItemWaits() {
        WorkflowException e = assertThrows(WorkflowException.class,
                () -> ExportXml.exporterFor(java.util.Optional.empty(), "HP-AL-TH01"));
        assertEquals(RefusalCode.UNAVAILABLE, e.code());
    }

    private static YearRecord withTeacher(YearRecord r, String teacher) {
        SchoolClass c = r.schoolClass();
        return new YearRecord(r.recordId(), r.version(), r.state(), r.school(),
                new SchoolClass(c.schoolCode(), c.year(), c.grade(), c.name(), teacher), r.pupil(), r.history(),
                r.assessment(), r.outcome(), r.override(), r.correction(), r.place(), r.issueDate());
    }
}
