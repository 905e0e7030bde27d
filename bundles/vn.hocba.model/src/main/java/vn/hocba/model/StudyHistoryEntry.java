package vn.hocba.model;

import java.time.LocalDate;

/**
 * One row of "quá trình học tập": where the pupil studied in a school year.
 *
 * @param registrationNo số đăng bộ, may be empty
 * @param admissionDate  ngày nhập học or chuyển đến, may be null
 */
public record StudyHistoryEntry(SchoolYear year, int grade, String className, String schoolCode, String schoolName,
        String registrationNo, LocalDate admissionDate) {
    public StudyHistoryEntry {
        if (year == null) throw new IllegalArgumentException("history.year is required");
        className = Text.required(className, "history.className");
        schoolCode = Text.orEmpty(schoolCode);
        schoolName = Text.required(schoolName, "history.schoolName");
        registrationNo = Text.orEmpty(registrationNo);
    }
}
