package vn.hocba.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.hocba.export.DeliverySummary;
import vn.hocba.export.RecordCheck;
import vn.hocba.export.SignatureCheck;
import vn.hocba.export.TransferProblem;
import vn.hocba.export.TransferReport;
import vn.hocba.export.TransferResult;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.store.ExportState;
import vn.hocba.store.TaskStatus;

/** The JSON shapes of the export and transfer resources (documented in openapi.json). */
final class ExportViews {

    private ExportViews() {
    }

    /** One record version's delivery to one destination. */
    static Map<String, Object> export(ExportState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordId", s.ref().recordId());
        m.put("version", s.ref().version());
        m.put("destination", s.exporterId());
        m.put("status", s.status());
        m.put("packageId", s.batchId());
        m.put("attempts", s.attempts());
        m.put("receiptId", s.status() == TaskStatus.DONE ? receiptId(s.message()) : "");
        m.put("duplicate", s.status() == TaskStatus.DONE && s.message().startsWith("duplicate receipt "));
        m.put("receipt", s.receipt());
        m.put("lastError", s.status() == TaskStatus.DONE || s.message().equals("requeued") ? "" : s.message());
        m.put("updatedAt", s.updatedAt());
        return m;
    }

    /** The outbox writes "receipt ID" or "duplicate receipt ID" as a delivered version's note. */
    static String receiptId(String message) {
        int at = message.indexOf("receipt ");
        return at < 0 ? "" : message.substring(at + "receipt ".length()).strip();
    }

    static Map<String, Object> delivery(String school, String destination, DeliverySummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("school", school);
        m.put("destination", destination);
        m.put("packagesDelivered", s.packagesDelivered());
        m.put("recordsDelivered", s.recordsDelivered());
        m.put("packagesFailed", s.packagesFailed());
        m.put("messages", s.messages());
        return m;
    }

    static Map<String, Object> report(TransferReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", r.accepted());
        m.put("packageId", r.packageId());
        m.put("sourceSchool", Map.of("code", r.sourceSchoolCode(), "name", r.sourceSchoolName()));
        m.put("packageSignature", r.packageSignature() == null ? null : signature(r.packageSignature()));
        m.put("records", r.records().stream().map(ExportViews::record).toList());
        m.put("problems", problems(r.problems()));
        return m;
    }

    static List<Map<String, Object>> problems(List<TransferProblem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", p.code());
            m.put("subject", p.subject());
            m.put("messageVi", p.messageVi());
            m.put("messageEn", p.messageEn());
            return m;
        }).toList();
    }

    private static Map<String, Object> record(RecordCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", c.key());
        m.put("pupilCode", c.pupilCode());
        m.put("personalId", c.personalId());
        m.put("fullName", c.fullName());
        m.put("schoolYear", c.schoolYear());
        m.put("grade", c.grade());
        m.put("signatures", c.signatures().stream().map(ExportViews::signature).toList());
        return m;
    }

    private static Map<String, Object> signature(SignatureCheck s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("document", s.document());
        m.put("role", s.role());
        m.put("signerName", s.signerName());
        m.put("subject", s.subject());
        m.put("indication", s.indication());
        m.put("passed", s.passed());
        m.put("detail", s.detail());
        return m;
    }

    static Map<String, Object> result(String school, TransferResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("school", school);
        m.put("pupilCode", r.pupilCode());
        m.put("imported", r.imported());
        m.put("history", history(r.history()));
        m.put("report", report(r.report()));
        return m;
    }

    static List<Map<String, Object>> history(List<StudyHistoryEntry> history) {
        return history.stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", h.year().toString());
            m.put("grade", h.grade());
            m.put("className", h.className());
            m.put("schoolCode", h.schoolCode());
            m.put("schoolName", h.schoolName());
            m.put("registrationNo", h.registrationNo());
            m.put("admissionDate", h.admissionDate());
            return m;
        }).toList();
    }
}
