package vn.hocba.model;

/** The year-end result (đánh giá kết quả giáo dục, TT27 Điều 9), derived by the rules, never typed. */
public enum YearEndResult {
    CHUA_HOAN_THANH("CHT", "Chưa hoàn thành"),
    HOAN_THANH("HT", "Hoàn thành"),
    HOAN_THANH_TOT("HTT", "Hoàn thành tốt"),
    HOAN_THANH_XUAT_SAC("HTXS", "Hoàn thành xuất sắc");

    private final String nationalCode;
    private final String label;

    YearEndResult(String nationalCode, String label) {
        this.nationalCode = nationalCode;
        this.label = label;
    }

    public String nationalCode() { return nationalCode; }

    public String label() { return label; }

    /** HTXS, HTT and HT complete the grade's programme; CHT does not. */
    public boolean completesGrade() { return this != CHUA_HOAN_THANH; }

    public static YearEndResult ofCode(String code) {
        for (YearEndResult r : values()) {
            if (r.nationalCode.equals(code)) return r;
        }
        throw new IllegalArgumentException("no year-end result with code " + code);
    }
}
