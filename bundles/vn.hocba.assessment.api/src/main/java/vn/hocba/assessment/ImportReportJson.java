package vn.hocba.assessment;

import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.Provenance;

/**
 * Writes an {@link ImportReport} as JSON, the answer of the REST endpoint and of the Gogo command:
 *
 * <pre>
 * {"school":"HP-AL-TH01","status":"REJECTED","statusVi":"Bị từ chối","dryRun":false,"errors":2,"written":0,
 *  "provenance":{"source":"hocba-csv","origin":"lop-3a.csv","format":"hocba-csv v1 (CSV)","encoding":"UTF-8",
 *                "readAt":"2025-05-20T08:00:00Z","sha256":"…"},
 *  "problems":[…],
 *  "classes":[{"year":"2024-2025","grade":3,"class":"3A","status":"REJECTED","pupils":8,"written":0,"unchanged":0,
 *              "refused":[{"pupilCode":"…","recordId":"…","state":"LOCKED","messageVi":"…","messageEn":"…"}],
 *              "problems":[{"severity":"ERROR","code":"SCORE_NOT_INTEGER","sheet":"","row":5,"column":"AF",
 *                           "header":"TOAN.score","field":"TOAN.score","value":"7.5","messageVi":"…","messageEn":"…"}]}]}
 * </pre>
 *
 * Written by hand so the shape is fixed here and needs no JSON library or date module in the host.
 */
public final class ImportReportJson {
    private ImportReportJson() {}

    public static String write(ImportReport r) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append('{');
        field(sb, "school", r.schoolCode()).append(',');
        field(sb, "status", r.status().name()).append(',');
        field(sb, "statusVi", r.status().labelVi()).append(',');
        sb.append("\"dryRun\":").append(r.dryRun()).append(',');
        sb.append("\"errors\":").append(r.errorCount()).append(',');
        sb.append("\"written\":").append(r.written()).append(',');
        sb.append("\"provenance\":");
        provenance(sb, r.provenance());
        sb.append(",\"problems\":");
        problems(sb, r.problems());
        sb.append(",\"classes\":[");
        for (int i = 0; i < r.classes().size(); i++) {
            if (i > 0) sb.append(',');
            classReport(sb, r.classes().get(i));
        }
        return sb.append("]}").toString();
    }

    private static void classReport(StringBuilder sb, ClassReport c) {
        sb.append('{');
        field(sb, "year", c.year() == null ? "" : c.year().toString()).append(',');
        sb.append("\"grade\":").append(c.grade()).append(',');
        field(sb, "class", c.className()).append(',');
        field(sb, "status", c.status().name()).append(',');
        field(sb, "statusVi", c.status().labelVi()).append(',');
        sb.append("\"pupils\":").append(c.pupils()).append(',');
        sb.append("\"written\":").append(c.written()).append(',');
        sb.append("\"unchanged\":").append(c.unchanged()).append(',');
        sb.append("\"errors\":").append(c.errorCount()).append(',');
        sb.append("\"refused\":[");
        for (int i = 0; i < c.refused().size(); i++) {
            RefusedPupil p = c.refused().get(i);
            if (i > 0) sb.append(',');
            sb.append('{');
            field(sb, "pupilCode", p.pupilCode()).append(',');
            field(sb, "recordId", p.recordId()).append(',');
            field(sb, "state", p.state() == null ? "" : p.state().name()).append(',');
            field(sb, "messageVi", p.messageVi()).append(',');
            field(sb, "messageEn", p.messageEn()).append('}');
        }
        sb.append("],\"problems\":");
        problems(sb, c.problems());
        sb.append(",\"provenance\":");
        provenance(sb, c.provenance());
        sb.append('}');
    }

    private static void provenance(StringBuilder sb, Provenance p) {
        if (p == null) {
            sb.append("null");
            return;
        }
        sb.append('{');
        field(sb, "source", p.sourceId()).append(',');
        field(sb, "origin", p.origin()).append(',');
        field(sb, "format", p.format()).append(',');
        field(sb, "encoding", p.encoding()).append(',');
        field(sb, "readAt", p.readAt().toString()).append(',');
        field(sb, "sha256", p.inputSha256()).append('}');
    }

    private static void problems(StringBuilder sb, java.util.List<ImportProblem> problems) {
        sb.append('[');
        for (int i = 0; i < problems.size(); i++) {
            ImportProblem p = problems.get(i);
            if (i > 0) sb.append(',');
            sb.append('{');
            field(sb, "severity", p.severity().name()).append(',');
            field(sb, "code", p.code()).append(',');
            field(sb, "sheet", p.sheet()).append(',');
            sb.append("\"row\":").append(p.row()).append(',');
            field(sb, "column", p.column()).append(',');
            field(sb, "header", p.header()).append(',');
            field(sb, "field", p.field()).append(',');
            field(sb, "value", p.value()).append(',');
            field(sb, "messageVi", p.messageVi()).append(',');
            field(sb, "messageEn", p.messageEn()).append('}');
        }
        sb.append(']');
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":");
        return string(sb, value);
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped, everything else as is (UTF-8). */
    static StringBuilder string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"');
    }
}
