package vn.hocba.rules;

import java.util.Objects;

/**
 * One thing wrong with a year record or an import cell, for a teacher to fix.
 *
 * @param field     where it is, named like the hocba-csv v1 column: {@code TOAN.score}, {@code PC.YN.level},
 *                  {@code personal_id}, {@code grade}, {@code awards}, {@code override.reason}, …
 * @param messageVi the message in Vietnamese, naming the field
 * @param messageEn the same in English
 */
public record Problem(ProblemCode code, Severity severity, String field, String messageVi, String messageEn) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        field = field == null ? "" : field;
        Objects.requireNonNull(messageVi, "messageVi");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /**
     * A problem with the code's severity and messages.
     *
     * @param itemVi the item as named in Vietnamese (a subject's label, "phẩm chất Yêu nước", …)
     * @param itemEn the item as named in English (subject labels stay Vietnamese)
     * @param detail the offending value or other detail, may be empty
     */
    public static Problem of(ProblemCode code, String field, String itemVi, String itemEn, Object detail) {
        String d = detail == null ? "" : String.valueOf(detail);
        return new Problem(code, code.severity(), field,
                String.format(code.templateVi(), field, itemVi, d),
                String.format(code.templateEn(), field, itemEn, d));
    }

    public boolean isError() { return severity == Severity.ERROR; }

    @Override
    public String toString() {
        return code + " " + field + ": " + messageEn;
    }
}
