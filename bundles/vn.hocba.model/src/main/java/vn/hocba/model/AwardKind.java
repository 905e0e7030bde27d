package vn.hocba.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The kind of an award (khen thưởng, TT27 Điều 15) written in {@link YearAssessment#awards()}:
 * the two titles the principal gives at the end of the year, or any other (ad-hoc, higher level).
 */
public enum AwardKind {
    /** Only for a pupil whose year-end result is HTXS. */
    HOC_SINH_XUAT_SAC("HSXS", "Học sinh Xuất sắc"),
    /** For an HTT pupil the class recognises as outstanding in a subject or clearly progressing: a teacher's decision. */
    HOC_SINH_TIEU_BIEU("HSTB", "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện"),
    OTHER("KHAC", "Khen thưởng khác");

    private final String nationalCode;
    private final String label;

    AwardKind(String nationalCode, String label) {
        this.nationalCode = nationalCode;
        this.label = label;
    }

    public String nationalCode() { return nationalCode; }

    public String label() { return label; }

    /** Recognises the two end-of-year titles in free text (case and spacing ignored); anything else is {@link #OTHER}. */
    public static AwardKind of(String awardText) {
        String t = Normalizer.normalize(awardText == null ? "" : awardText, Normalizer.Form.NFC)
                .strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (t.equals("học sinh xuất sắc") || t.equals("hsxs")) return HOC_SINH_XUAT_SAC;
        if (t.startsWith("học sinh tiêu biểu") || t.equals("hstb")) return HOC_SINH_TIEU_BIEU;
        return OTHER;
    }
}
