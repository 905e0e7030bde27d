package vn.hocba.model;

/**
 * The level of a quality or competency (TT27 Điều 7): Tốt, Đạt, Cần cố gắng.
 * Distinct from {@link SubjectLevel}: its C is "Cần cố gắng", not "Chưa hoàn thành".
 */
public enum TraitLevel {
    CAN_CO_GANG("C", "Cần cố gắng"),
    DAT("Đ", "Đạt"),
    TOT("T", "Tốt");

    private final String nationalCode;
    private final String label;

    TraitLevel(String nationalCode, String label) {
        this.nationalCode = nationalCode;
        this.label = label;
    }

    /** The letter used on forms and in the national export ({@code Đ} with its stroke). */
    public String nationalCode() { return nationalCode; }

    public String label() { return label; }

    /** Whether this level is at least {@code other}; levels are declared from lowest to highest. */
    public boolean atLeast(TraitLevel other) { return compareTo(other) >= 0; }

    public static TraitLevel ofCode(String code) {
        for (TraitLevel l : values()) {
            if (l.nationalCode.equals(code)) return l;
        }
        throw new IllegalArgumentException("no quality/competency level with code " + code);
    }
}
