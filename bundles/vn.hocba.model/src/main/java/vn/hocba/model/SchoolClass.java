package vn.hocba.model;

/**
 * A class (lớp) of a school in one school year, with its homeroom teacher (GVCN).
 *
 * @param grade khối lớp, 1 to 5
 */
public record SchoolClass(String schoolCode, SchoolYear year, int grade, String name, String homeroomTeacher) {
    public SchoolClass {
        schoolCode = Text.required(schoolCode, "class.schoolCode");
        if (year == null) throw new IllegalArgumentException("class.year is required");
        if (grade < 1 || grade > 5) throw new IllegalArgumentException("grade must be 1 to 5: " + grade);
        name = Text.required(name, "class.name");
        homeroomTeacher = Text.orEmpty(homeroomTeacher);
    }
}
