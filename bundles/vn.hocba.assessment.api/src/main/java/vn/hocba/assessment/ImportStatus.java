package vn.hocba.assessment;

/** The outcome of an import, of the whole input or of one class. */
public enum ImportStatus {
    /** Everything was written (or, for a dry run, would be). */
    STORED("Đã lưu", "stored"),
    /** Everything was already stored with exactly this content: nothing changed. */
    UNCHANGED("Không thay đổi", "unchanged"),
    /** Some of it was written; some pupils (records locked or signed) or classes were refused. */
    PARTIAL("Lưu một phần", "partly stored"),
    /** Nothing was written. */
    REJECTED("Bị từ chối", "rejected");

    private final String labelVi;
    private final String labelEn;

    ImportStatus(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
