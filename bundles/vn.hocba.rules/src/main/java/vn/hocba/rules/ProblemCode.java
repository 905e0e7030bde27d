package vn.hocba.rules;

/**
 * Every kind of problem the rules report, with its severity and its message in Vietnamese and English.
 * In the templates {@code %1$s} is the field, {@code %2$s} the item (subject, quality, …) and {@code %3$s} a detail
 * (the offending value, the grade, …).
 */
public enum ProblemCode {
    /** No curriculum version covers the record's grade in its school year (e.g. grade 5 before 2024-2025). */
    NO_CURRICULUM(Severity.ERROR,
            "Chưa có chương trình nào cho khối %3$s trong năm học %2$s (%1$s).",
            "No curriculum covers grade %3$s in school year %2$s (%1$s)."),
    /** The assessment's grade is not the grade of the pupil's class. */
    GRADE_MISMATCH(Severity.ERROR,
            "Khối của phần đánh giá (%3$s) khác khối của lớp %2$s (%1$s).",
            "The assessment's grade (%3$s) differs from the grade of class %2$s (%1$s)."),
    /** A result for a subject the grade does not have. */
    SUBJECT_NOT_IN_GRADE(Severity.ERROR,
            "Môn %2$s không có trong chương trình khối %3$s nhưng có kết quả (%1$s).",
            "%2$s is not taught in grade %3$s but has a result (%1$s)."),
    /** The same subject appears twice. */
    DUPLICATE_SUBJECT(Severity.ERROR,
            "Môn %2$s có hơn một kết quả (%1$s).",
            "%2$s has more than one result (%1$s)."),
    /** A compulsory subject (or an optional one the pupil takes) has no level. */
    MISSING_LEVEL(Severity.ERROR,
            "Thiếu mức đạt được của môn %2$s (%1$s).",
            "The level of %2$s is missing (%1$s)."),
    /** A subject tested in this grade has no end-of-year score. */
    MISSING_SCORE(Severity.ERROR,
            "Thiếu điểm bài kiểm tra định kì cuối năm môn %2$s (%1$s).",
            "The end-of-year test score of %2$s is missing (%1$s)."),
    /** A score on a subject that has no periodic test in this grade. */
    SCORE_ON_UNTESTED(Severity.ERROR,
            "Môn %2$s không có bài kiểm tra định kì ở khối này nhưng có điểm %3$s (%1$s).",
            "%2$s has no periodic test in this grade but has the score %3$s (%1$s)."),
    /** A score below 0 or above 10. */
    SCORE_OUT_OF_RANGE(Severity.ERROR,
            "Điểm %3$s của môn %2$s nằm ngoài thang điểm 0–10 (%1$s).",
            "The score %3$s of %2$s is outside 0–10 (%1$s)."),
    /** A score cell that is not a whole number (TT27 scores have no decimals). */
    SCORE_NOT_INTEGER(Severity.ERROR,
            "Điểm \"%3$s\" không phải là số nguyên từ 0 đến 10 (%1$s).",
            "The score \"%3$s\" is not a whole number from 0 to 10 (%1$s)."),
    /** A level of the other scale: Đ in a subject cell, H in a quality or competency cell. */
    LEVEL_WRONG_SCALE(Severity.ERROR,
            "Mức \"%3$s\" không thuộc thang đánh giá %2$s (%1$s).",
            "The level \"%3$s\" is not on the %2$s scale (%1$s)."),
    /** A level cell that is no level of either scale. */
    LEVEL_UNKNOWN(Severity.ERROR,
            "\"%3$s\" không phải là một mức đánh giá %2$s (%1$s).",
            "\"%3$s\" is not a level of the %2$s scale (%1$s)."),
    /** An exempt subject that still has a level or a score. */
    EXEMPT_WITH_RESULT(Severity.ERROR,
            "Học sinh được miễn môn %2$s nhưng vẫn có mức đạt được hoặc điểm (%1$s).",
            "The pupil is exempt from %2$s but it has a level or a score (%1$s)."),
    /** A quality or competency of the grade has no level. */
    MISSING_TRAIT_LEVEL(Severity.ERROR,
            "Thiếu mức đánh giá %2$s (%1$s).",
            "The level of %2$s is missing (%1$s)."),
    /** The same quality or competency appears twice. */
    DUPLICATE_TRAIT(Severity.ERROR,
            "Có hơn một kết quả cho %2$s (%1$s).",
            "There is more than one result for %2$s (%1$s)."),
    /** A pupil marked disabled-not-assessed with a level or a score. */
    DISABLED_WITH_LEVELS(Severity.ERROR,
            "Học sinh khuyết tật không đánh giá nhưng %2$s có mức đánh giá hoặc điểm (%1$s).",
            "The pupil is marked disabled-not-assessed but %2$s has a level or a score (%1$s)."),
    /** A personal identification number that is not exactly 12 digits. */
    PERSONAL_ID_INVALID(Severity.ERROR,
            "Mã định danh cá nhân \"%3$s\" phải gồm đúng 12 chữ số (%1$s).",
            "The personal identification number \"%3$s\" must be exactly 12 digits (%1$s)."),
    /** No personal identification number: the record can be drafted, not signed. */
    PERSONAL_ID_MISSING(Severity.WARNING,
            "Chưa có mã định danh cá nhân: học bạ chưa thể ký (%1$s).",
            "No personal identification number: the record cannot be signed yet (%1$s)."),
    /** An end-of-year title the pupil's result does not allow. */
    AWARD_NOT_ELIGIBLE(Severity.ERROR,
            "Danh hiệu \"%2$s\" chỉ dành cho học sinh có kết quả %3$s (%1$s).",
            "The award \"%2$s\" is only for pupils whose result is %3$s (%1$s)."),
    /** A stated year-end result that is none of HTXS, HTT, HT, CHT. */
    RESULT_UNKNOWN(Severity.ERROR,
            "\"%3$s\" không phải là kết quả HTXS, HTT, HT hoặc CHT (%1$s).",
            "\"%3$s\" is not one of the results HTXS, HTT, HT, CHT (%1$s)."),
    /** A source system's stated result differs from the derived one. */
    RESULT_MISMATCH(Severity.ERROR,
            "Kết quả ghi sẵn (%2$s) khác kết quả tính theo quy định (%3$s) (%1$s).",
            "The stated result (%2$s) differs from the result the rules derive (%3$s) (%1$s)."),
    /** A change to a record that is no longer a draft. */
    RECORD_FROZEN(Severity.ERROR,
            "Học bạ đang ở trạng thái \"%2$s\" nên không thể thay đổi (%1$s).",
            "The record is in state %3$s and can no longer change (%1$s)."),
    /** An override of the result without a written reason. */
    OVERRIDE_REASON_MISSING(Severity.ERROR,
            "Muốn sửa kết quả cuối năm phải ghi rõ lí do (%1$s).",
            "Overriding the year-end result needs a written reason (%1$s)."),
    /** An override of the result without the overriding user. */
    OVERRIDE_USER_MISSING(Severity.ERROR,
            "Muốn sửa kết quả cuối năm phải ghi rõ người sửa (%1$s).",
            "Overriding the year-end result needs the user who does it (%1$s)."),
    /** An override for a pupil marked disabled-not-assessed, who has no result. */
    OVERRIDE_NOT_ASSESSED(Severity.ERROR,
            "Học sinh khuyết tật không đánh giá không có kết quả cuối năm để sửa (%1$s).",
            "A pupil marked disabled-not-assessed has no year-end result to override (%1$s).");

    private final Severity severity;
    private final String templateVi;
    private final String templateEn;

    ProblemCode(Severity severity, String templateVi, String templateEn) {
        this.severity = severity;
        this.templateVi = templateVi;
        this.templateEn = templateEn;
    }

    public Severity severity() { return severity; }

    /** The Vietnamese message template (see the class comment for its arguments). */
    public String templateVi() { return templateVi; }

    /** The English message template. */
    public String templateEn() { return templateEn; }
}
