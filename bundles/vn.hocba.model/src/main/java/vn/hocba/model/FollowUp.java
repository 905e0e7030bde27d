package vn.hocba.model;

/**
 * What still has to happen after the year-end result is derived (TT27 Điều 12, 13):
 * nothing, a supplementary assessment after the summer, or the principal's decision on promotion.
 */
public enum FollowUp {
    NONE("", "Không"),
    /** CHT at the end of the year: the pupil gets help and is assessed again (đánh giá bổ sung). */
    SUPPLEMENTARY_ASSESSMENT("DGBS", "Đánh giá bổ sung"),
    /** Still CHT after the supplementary assessment, or not assessed: the principal decides lên lớp or ở lại lớp. */
    PRINCIPAL_DECISION("HTQD", "Hiệu trưởng quyết định lên lớp hoặc ở lại lớp");

    private final String nationalCode;
    private final String label;

    FollowUp(String nationalCode, String label) {
        this.nationalCode = nationalCode;
        this.label = label;
    }

    /** Our own short code (the national schema has no field for it); empty for {@link #NONE}. */
    public String nationalCode() { return nationalCode; }

    public String label() { return label; }
}
