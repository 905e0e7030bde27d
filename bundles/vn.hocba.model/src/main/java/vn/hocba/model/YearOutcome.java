package vn.hocba.model;

/**
 * What the TT27 rules derive from a {@link YearAssessment}; never typed by hand.
 *
 * @param result                 null for a pupil marked disabled-not-assessed
 * @param completedGrade         hoàn thành chương trình lớp học
 * @param completedPrimary       hoàn thành chương trình tiểu học (grade 5 and complete)
 * @param excellentPupilEligible may receive "Học sinh Xuất sắc" (HTXS)
 * @param promotion              the default the principal may change for a pupil who has not completed
 */
public record YearOutcome(YearEndResult result, boolean completedGrade, boolean completedPrimary,
        boolean excellentPupilEligible, Promotion promotion) {
}
