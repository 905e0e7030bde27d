package vn.hocba.model;

/**
 * The level of a subject or activity (mức đạt được, TT27 Điều 6): T, H or C.
 * Distinct from {@link TraitLevel}: the letter C means something else there.
 */
public enum SubjectLevel {
    CHUA_HOAN_THANH("C", "Chưa hoàn thành"),
    HOAN_THANH("H", "Hoàn thành"),
    HOAN_THANH_TOT("T", "Hoàn thành tốt");

    private final String nationalCode;
    private final String label;

    SubjectLevel(String nationalCode, String label) {
        this.nationalCode = nationalCode;
        this.label = label;
    }

    /** The letter used on forms and in the national export. */
    public String nationalCode() { return nationalCode; }

    public String label() { return label; }

    /** Whether this level is at least {@code other}; levels are declared from lowest to highest. */
    public boolean atLeast(SubjectLevel other) { return compareTo(other) >= 0; }

    public static SubjectLevel ofCode(String code) {
        for (SubjectLevel l : values()) {
            if (l.nationalCode.equals(code)) return l;
        }
        throw new IllegalArgumentException("no subject level with code " + code);
    }
}
