package vn.hocba.model;

/**
 * One subject in one grade of a curriculum version.
 *
 * @param compulsory false for optional subjects (NN1 in grades 1–2, TDT)
 * @param tested     whether an end-of-year periodic test score (điểm KTĐK cuối năm) is recorded
 */
public record CurriculumEntry(int grade, Subject subject, boolean compulsory, boolean tested) {
    public CurriculumEntry {
        if (grade < 1 || grade > 5) throw new IllegalArgumentException("grade must be 1 to 5: " + grade);
        if (subject == null) throw new IllegalArgumentException("subject is required");
    }
}
