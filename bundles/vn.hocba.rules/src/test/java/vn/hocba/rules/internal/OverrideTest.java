package vn.hocba.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.hocba.model.FollowUp;
import vn.hocba.model.Promotion;
import vn.hocba.model.RecordState;
import vn.hocba.model.Subject;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearOutcome;
import vn.hocba.model.YearRecord;
import vn.hocba.rules.ProblemCode;
import vn.hocba.rules.RuleViolationException;

/** A teacher's override: only with a written reason and the user, only on a draft, kept beside the derived outcome. */
class OverrideTest {
    private static final Instant AT = Instant.parse("2025-05-20T08:00:00Z");

    private final Tt27Rules rules = new Tt27Rules(Sample.CATALOG);

    /** A grade-5 pupil whose last Toán score is 4: CHT. */
    private YearRecord cht() {
        return rules.withDerivedOutcome(Sample.record(Sample.scores(Sample.best(5), Subject.TOAN, 4)));
    }

    @Test
    void theOverrideIsKeptWithTheDerivedOutcome() {
        YearRecord r = rules.override(cht(), YearEndResult.HOAN_THANH, "Bài kiểm tra chấm lại được 6 điểm", "gv.lan", AT);
        assertEquals(YearEndResult.CHUA_HOAN_THANH, r.outcome().result(), "the derived outcome stays");
        assertEquals(YearEndResult.HOAN_THANH, r.override().result());
        assertEquals("Bài kiểm tra chấm lại được 6 điểm", r.override().reason());
        assertEquals("gv.lan", r.override().userId());
        assertEquals(AT, r.override().at());
        assertEquals(YearEndResult.HOAN_THANH, r.effectiveResult());
        YearOutcome effective = rules.effectiveOutcome(r);
        assertEquals(YearEndResult.HOAN_THANH, effective.result());
        assertTrue(effective.completedGrade());
        assertTrue(effective.completedPrimary());
        assertEquals(Promotion.PROMOTED, effective.promotion());
        assertEquals(FollowUp.NONE, effective.followUp());
    }

    @Test
    void anOverrideOnANeverDerivedRecordDerivesFirst() {
        YearRecord r = rules.override(Sample.record(Sample.best(2)), YearEndResult.HOAN_THANH_TOT, "Lí do", "gv01", AT);
        assertEquals(YearEndResult.HOAN_THANH_XUAT_SAC, r.outcome().result());
        assertEquals(YearEndResult.HOAN_THANH_TOT, r.effectiveResult());
        assertEquals(false, rules.effectiveOutcome(r).excellentPupilEligible());
    }

    @Test
    void refusedWithoutReasonOrUser() {
        for (String reason : new String[] {null, "", "   "}) {
            RuleViolationException e = assertThrows(RuleViolationException.class,
                    () -> rules.override(cht(), YearEndResult.HOAN_THANH, reason, "gv01", AT));
            assertEquals(ProblemCode.OVERRIDE_REASON_MISSING, e.code());
            assertEquals("override.reason", e.problem().field());
        }
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> rules.override(cht(), YearEndResult.HOAN_THANH, "Lí do", " ", AT));
        assertEquals(ProblemCode.OVERRIDE_USER_MISSING, e.code());
    }

    @Test
    void refusedForAPupilNotAssessed() {
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> rules.override(Sample.record(Sample.notAssessed(4)), YearEndResult.HOAN_THANH, "Lí do", "gv01", AT));
        assertEquals(ProblemCode.OVERRIDE_NOT_ASSESSED, e.code());
    }

    @ParameterizedTest
    @EnumSource(value = RecordState.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void nothingChangesOnceTheRecordLeavesDraft(RecordState state) {
        YearRecord overridden = rules.override(cht(), YearEndResult.HOAN_THANH, "Lí do", "gv01", AT);
        YearRecord frozen = overridden.withState(state);
        for (Runnable change : new Runnable[] {
                () -> rules.override(frozen, YearEndResult.HOAN_THANH_TOT, "Lí do khác", "gv01", AT),
                () -> rules.removeOverride(frozen),
                () -> rules.withDerivedOutcome(frozen)}) {
            RuleViolationException e = assertThrows(RuleViolationException.class, change::run);
            assertEquals(ProblemCode.RECORD_FROZEN, e.code());
            assertTrue(e.problem().messageVi().contains(state.label()), e.problem().messageVi());
        }
        // reading still works
        assertEquals(YearEndResult.HOAN_THANH, rules.effectiveOutcome(frozen).result());
    }

    @Test
    void removingTheOverrideGivesBackTheDerivedResult() {
        YearRecord r = rules.removeOverride(rules.override(cht(), YearEndResult.HOAN_THANH, "Lí do", "gv01", AT));
        assertNull(r.override());
        assertEquals(YearEndResult.CHUA_HOAN_THANH, rules.effectiveOutcome(r).result());
        assertEquals(FollowUp.SUPPLEMENTARY_ASSESSMENT, rules.effectiveOutcome(r).followUp());
    }

    @Test
    void theEffectiveOutcomeOfANeverDerivedRecordIsDerived() {
        assertEquals(YearEndResult.HOAN_THANH_XUAT_SAC, rules.effectiveOutcome(Sample.record(Sample.best(1))).result());
    }
}
