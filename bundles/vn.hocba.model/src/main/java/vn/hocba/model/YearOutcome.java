package vn.hocba.model;

/**
 * What the TT27 rules derive from a {@link YearAssessment}; never typed by hand.
 *
 * @param result                 null for a pupil marked disabled-not-assessed
 * @param completedGrade         hoàn thành chương trình lớp học
 * @param completedPrimary       hoàn thành chương trình tiểu học (grade 5 and complete)
 * @param excellentPupilEligible may receive "Học sinh Xuất sắc" (HTXS)
 * @param promotion              the default the principal may change for a pupil who has not completed
 * @param followUp               what still has to happen: a supplementary assessment, a principal's decision, or nothing
 */
public record YearOutcome(YearEndResult result, boolean completedGrade, boolean completedPrimary,
        boolean excellentPupilEligible, Promotion promotion, FollowUp followUp) {

    public YearOutcome {
        if (promotion == null) promotion = Promotion.UNDECIDED;
        if (followUp == null) followUp = promotion == Promotion.UNDECIDED ? FollowUp.PRINCIPAL_DECISION : FollowUp.NONE;
    }

    /** The shape before {@code followUp} existed: an undecided promotion is left to the principal. */
    public YearOutcome(YearEndResult result, boolean completedGrade, boolean completedPrimary,
            boolean excellentPupilEligible, Promotion promotion) {
        this(result, completedGrade, completedPrimary, excellentPupilEligible, promotion, null);
    }
}
