package vn.hocba.assessment.spi;

import java.util.List;
import java.util.Map;

import vn.hocba.assessment.spi.ImportProblemCode.Words;
import vn.hocba.model.Subject;
import vn.hocba.model.Trait;

/**
 * The field names of hocba-csv v1 (IMPORT-CSV.md), the vocabulary of {@link PupilData#cells()} and of the rules'
 * problems, with the words a teacher knows them by.
 */
public final class Fields {
    public static final String SCHOOL_CODE = "school_code";
    public static final String SCHOOL_NAME = "school_name";
    public static final String SCHOOL_YEAR = "school_year";
    public static final String GRADE = "grade";
    public static final String CLASS_NAME = "class_name";
    public static final String HOMEROOM_TEACHER = "homeroom_teacher";
    public static final String PUPIL_CODE = "pupil_code";
    public static final String PERSONAL_ID = "personal_id";
    public static final String FULL_NAME = "full_name";
    public static final String SEX = "sex";
    public static final String DATE_OF_BIRTH = "date_of_birth";
    public static final String ETHNICITY = "ethnicity";
    public static final String NATIONALITY = "nationality";
    public static final String PLACE_OF_BIRTH = "place_of_birth";
    public static final String HOME_TOWN = "home_town";
    public static final String ADDRESS = "address";
    public static final String FATHER_NAME = "father_name";
    public static final String MOTHER_NAME = "mother_name";
    public static final String GUARDIAN_NAME = "guardian_name";
    public static final String REGISTRATION_NO = "registration_no";
    public static final String ADMISSION_DATE = "admission_date";
    public static final String DISABLED_NOT_ASSESSED = "disabled_not_assessed";
    public static final String AWARDS = "awards";
    public static final String GENERAL_COMMENT = "general_comment";
    public static final String RESULT = "result";

    /** The columns every hocba-csv v1 file has. */
    public static final List<String> REQUIRED = List.of(SCHOOL_CODE, SCHOOL_NAME, SCHOOL_YEAR, GRADE, CLASS_NAME,
            HOMEROOM_TEACHER, PUPIL_CODE, FULL_NAME, SEX, DATE_OF_BIRTH);

    /** The optional columns that are not about a subject or a quality/competency. */
    public static final List<String> OPTIONAL = List.of(PERSONAL_ID, ETHNICITY, NATIONALITY, PLACE_OF_BIRTH,
            HOME_TOWN, ADDRESS, FATHER_NAME, MOTHER_NAME, GUARDIAN_NAME, REGISTRATION_NO, ADMISSION_DATE,
            DISABLED_NOT_ASSESSED, AWARDS, GENERAL_COMMENT, RESULT);

    private static final Map<String, Words> LABELS = Map.ofEntries(
            Map.entry(SCHOOL_CODE, new Words("mã trường", "the school code")),
            Map.entry(SCHOOL_NAME, new Words("tên trường", "the school name")),
            Map.entry(SCHOOL_YEAR, new Words("năm học", "the school year")),
            Map.entry(GRADE, new Words("khối lớp", "the grade")),
            Map.entry(CLASS_NAME, new Words("tên lớp", "the class name")),
            Map.entry(HOMEROOM_TEACHER, new Words("giáo viên chủ nhiệm", "the homeroom teacher")),
            Map.entry(PUPIL_CODE, new Words("mã học sinh", "the pupil code")),
            Map.entry(PERSONAL_ID, new Words("mã định danh cá nhân", "the personal identification number")),
            Map.entry(FULL_NAME, new Words("họ và tên học sinh", "the pupil's full name")),
            Map.entry(SEX, new Words("giới tính", "the sex")),
            Map.entry(DATE_OF_BIRTH, new Words("ngày sinh", "the date of birth")),
            Map.entry(ADMISSION_DATE, new Words("ngày nhập học", "the admission date")),
            Map.entry(DISABLED_NOT_ASSESSED, new Words("khuyết tật không đánh giá", "disabled, not assessed")),
            Map.entry(RESULT, new Words("kết quả cuối năm", "the year-end result")));

    private Fields() {}

    public static String level(Subject s) {
        return s.nationalCode() + ".level";
    }

    public static String score(Subject s) {
        return s.nationalCode() + ".score";
    }

    public static String comment(Subject s) {
        return s.nationalCode() + ".comment";
    }

    public static String exempt(Subject s) {
        return s.nationalCode() + ".exempt";
    }

    public static String level(Trait t) {
        return t.nationalCode() + ".level";
    }

    public static String comment(Trait t) {
        return t.nationalCode() + ".comment";
    }

    /** The words for a field in a message, with the column name: "mã học sinh (pupil_code)". */
    public static Words label(String field) {
        Words w = LABELS.get(field);
        if (w == null) return new Words("cột " + field, "the column " + field);
        return new Words(w.vi() + " (" + field + ")", w.en() + " (" + field + ")");
    }
}
