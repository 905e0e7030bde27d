package vn.hocba.model;

/** What follows the year for the pupil (TT27 Điều 11, 13). */
public enum Promotion {
    PROMOTED("Được lên lớp"),
    REPEAT("Ở lại lớp"),
    /** CHT pending the supplementary assessment or the principal's decision. */
    UNDECIDED("Chưa quyết định");

    private final String label;

    Promotion(String label) { this.label = label; }

    public String label() { return label; }
}
