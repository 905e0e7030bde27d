package vn.hocba.rules;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearOutcome;
import vn.hocba.model.YearRecord;

/**
 * The year-end result of TT27 Điều 9 (HTXS, HTT, HT, CHT) and what follows from it: completion of the grade and of
 * primary school, eligibility for "Học sinh Xuất sắc", the promotion default and the follow-up. Exempt subjects and
 * optional subjects not taken are left out; the last re-test score counts; a pupil marked disabled-not-assessed gets
 * no result. A teacher may override the result with a written reason, kept with the record.
 */
@ProviderType
public interface YearResultRules {

    /**
     * Derives the outcome of an assessment in a school year. A missing level or score counts as not achieved
     * (validate first).
     *
     * @throws RuleViolationException {@link ProblemCode#NO_CURRICULUM} when no curriculum covers the grade
     */
    Derivation derive(SchoolYear year, YearAssessment assessment);

    /**
     * The record with its outcome derived from its assessment.
     *
     * @throws RuleViolationException {@link ProblemCode#RECORD_FROZEN} unless the record is a draft
     */
    YearRecord withDerivedOutcome(YearRecord record);

    /** What the record states: the derived outcome, or the consequences of the override when there is one. */
    YearOutcome effectiveOutcome(YearRecord record);

    /**
     * The record with the teacher's override of the derived result (the derived outcome is kept beside it).
     *
     * @throws RuleViolationException {@link ProblemCode#OVERRIDE_REASON_MISSING},
     *         {@link ProblemCode#OVERRIDE_USER_MISSING}, {@link ProblemCode#OVERRIDE_NOT_ASSESSED} or
     *         {@link ProblemCode#RECORD_FROZEN}
     */
    YearRecord override(YearRecord record, YearEndResult result, String reason, String userId, Instant at);

    /**
     * The record without its override.
     *
     * @throws RuleViolationException {@link ProblemCode#RECORD_FROZEN} unless the record is a draft
     */
    YearRecord removeOverride(YearRecord record);

    /**
     * Checks the result a source system stated (the {@code result} column of an import) against the derived one.
     *
     * @return {@link ProblemCode#RESULT_MISMATCH} when they differ
     */
    default Optional<Problem> checkStated(YearEndResult stated, YearOutcome derived, String field) {
        if (stated == null || derived.result() == stated) return Optional.empty();
        String derivedCode = derived.result() == null ? "—" : derived.result().nationalCode();
        return Optional.of(Problem.of(ProblemCode.RESULT_MISMATCH, field, stated.nationalCode(),
                stated.nationalCode(), derivedCode));
    }
}
