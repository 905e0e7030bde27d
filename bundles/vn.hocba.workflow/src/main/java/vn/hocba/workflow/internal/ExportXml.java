package vn.hocba.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.hocba.export.ExportException;
import vn.hocba.export.ExportService;
import vn.hocba.export.Signatory;
import vn.hocba.export.spi.Exporter;
import vn.hocba.model.YearRecord;
import vn.hocba.render.EmbeddedData;
import vn.hocba.signing.SignerRole;

/**
 * The XML data file the signers sign beside the PDF, written in the exchange schema configured for the school, so
 * that what is signed at school is what the province, the ministry and another school receive (HOCBA.md §7: two
 * equally valid artefacts). The same bytes are attached to the PDF/A-3.
 */
final class ExportXml {

    private ExportXml() {}

    /**
     * The exporter configured for the school now.
     *
     * @throws vn.hocba.workflow.WorkflowException UNAVAILABLE while no export service or exporter is there (the item
     *                                             waits and is tried again)
     */
    static Exporter exporterFor(Optional<ExportService> export, String schoolCode) {
        try {
            return export.orElseThrow(() -> Records.unavailable("export", "xuất dữ liệu")).exporterFor(schoolCode);
        } catch (ExportException e) {
            throw Records.unavailable("exporter of " + schoolCode, "xuất dữ liệu của trường " + schoolCode);
        }
    }

    /** The record's XML in the exporter's schema, named after it, to attach to the PDF. */
    static EmbeddedData of(Exporter exporter, YearRecord record, Settings.Principal principal) {
        byte[] xml = exporter.toXml(record, signatories(record, principal));
        return new EmbeddedData("hocba-" + exporter.id() + ".xml", "application/xml",
                "Dữ liệu học bạ số (" + exporter.schemaNamespace() + ")", xml);
    }

    /** Who will sign, in order: the class's homeroom teacher, the configured principal or deputy, the school's seal. */
    static List<Signatory> signatories(YearRecord record, Settings.Principal principal) {
        List<Signatory> signatories = new ArrayList<>(3);
        String teacher = record.schoolClass().homeroomTeacher();
        if (!teacher.isEmpty()) signatories.add(new Signatory(SignerRole.HOMEROOM_TEACHER, teacher, ""));
        if (principal != null) {
            SignerRole role = SignerRole.fromLabel(principal.title()) == SignerRole.DEPUTY_PRINCIPAL
                    ? SignerRole.DEPUTY_PRINCIPAL : SignerRole.PRINCIPAL;
            signatories.add(new Signatory(role, principal.name(), principal.title()));
        }
        signatories.add(new Signatory(SignerRole.SCHOOL_SEAL, record.school().name(), ""));
        return signatories;
    }
}
