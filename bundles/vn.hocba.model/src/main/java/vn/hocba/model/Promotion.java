package vn.hocba.model;

/**
 * What follows the year for the pupil (TT27 Điều 11, 13): moves up a grade, repeats it, or not decided yet.
 * The national code is the value of {@code duoclenlop} (1 promoted, 0 repeats; empty while undecided).
 */
public enum Promotion {
    PROMOTED("1", "Được lên lớp"),
    REPEAT("0", "Ở lại lớp"),
    /** CHT pending the supplementary assessment or the principal's decision. */
    UNDECIDED("", "Chưa quyết định");

    private final String nationalCode;
    private final String label;

    Promotion(String nationalCode, String label) {
        this.nationalCode = nationalCode;
        this.label = label;
    }

    /** The value of {@code duoclenlop}: {@code 1}, {@code 0}, or empty while undecided (not exportable). */
    public String nationalCode() { return nationalCode; }

    public String label() { return label; }
}
