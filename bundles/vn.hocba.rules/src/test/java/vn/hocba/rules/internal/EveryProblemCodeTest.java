package vn.hocba.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import vn.hocba.model.RecordState;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.rules.Levels;
import vn.hocba.rules.Problem;
import vn.hocba.rules.ProblemCode;
import vn.hocba.rules.RuleViolationException;
import vn.hocba.rules.Scores;

/**
 * Every problem code has a scenario that triggers it, and its messages are Vietnamese (NFC) and English text that
 * names the field. The table must cover {@link ProblemCode#values()}: a new code without a trigger fails here.
 */
class EveryProblemCodeTest {
    private final Tt27Validator validator = new Tt27Validator(Sample.CATALOG);
    private final Tt27Rules rules = new Tt27Rules(Sample.CATALOG);

    private Map<ProblemCode, Supplier<List<Problem>>> triggers() {
        Map<ProblemCode, Supplier<List<Problem>>> t = new EnumMap<>(ProblemCode.class);
        t.put(ProblemCode.NO_CURRICULUM, () -> validator.validate(SchoolYear.parse("2023-2024"), Sample.best(5)));
        t.put(ProblemCode.GRADE_MISMATCH, () -> validator.validate(Sample.record(Sample.best(3)).withAssessment(Sample.best(4))));
        t.put(ProblemCode.SUBJECT_NOT_IN_GRADE,
                () -> validate(Sample.level(Sample.best(3), Subject.LSDL, SubjectLevel.HOAN_THANH_TOT)));
        t.put(ProblemCode.DUPLICATE_SUBJECT, () -> {
            List<SubjectResult> subjects = new ArrayList<>(Sample.best(3).subjects());
            subjects.add(SubjectResult.of(Subject.TOAN, SubjectLevel.HOAN_THANH, 7, ""));
            return validate(new YearAssessment(3, false, subjects, Sample.best(3).traits(), List.of(), "", false));
        });
        t.put(ProblemCode.MISSING_LEVEL, () -> validate(Sample.level(Sample.best(3), Subject.TOAN, null)));
        t.put(ProblemCode.MISSING_SCORE, () -> validate(Sample.scores(Sample.best(3), Subject.TOAN)));
        t.put(ProblemCode.SCORE_ON_UNTESTED, () -> validate(Sample.scores(Sample.best(3), Subject.DD, 9)));
        t.put(ProblemCode.SCORE_OUT_OF_RANGE, () -> validate(Sample.scores(Sample.best(3), Subject.TOAN, 11)));
        t.put(ProblemCode.SCORE_NOT_INTEGER, () -> List.of(Scores.parse("7.5", Subject.TOAN).problem()));
        t.put(ProblemCode.LEVEL_WRONG_SCALE, () -> List.of(Levels.subject("Đ", Subject.TOAN).problem()));
        t.put(ProblemCode.LEVEL_UNKNOWN, () -> List.of(Levels.trait("X", Trait.YEU_NUOC).problem()));
        t.put(ProblemCode.EXEMPT_WITH_RESULT, () -> validate(Sample.best(3).withSubject(
                new SubjectResult(Subject.GDTC, SubjectLevel.HOAN_THANH_TOT, List.of(), "", "Miễn vì lí do sức khoẻ"))));
        t.put(ProblemCode.MISSING_TRAIT_LEVEL, () -> validate(Sample.trait(Sample.best(3), Trait.YEU_NUOC, null)));
        t.put(ProblemCode.DUPLICATE_TRAIT, () -> {
            List<TraitResult> traits = new ArrayList<>(Sample.best(3).traits());
            traits.add(traits.get(0));
            return validate(new YearAssessment(3, false, Sample.best(3).subjects(), traits, List.of(), "", false));
        });
        t.put(ProblemCode.DISABLED_WITH_LEVELS, () -> validate(Sample.notAssessed(3).withSubject(
                SubjectResult.of(Subject.TOAN, SubjectLevel.HOAN_THANH_TOT, null, ""))));
        t.put(ProblemCode.PERSONAL_ID_INVALID, () -> validator.validate(Sample.record(Sample.best(3), "03128486022")));
        t.put(ProblemCode.PERSONAL_ID_MISSING, () -> validator.validate(Sample.record(Sample.best(3), "")));
        t.put(ProblemCode.AWARD_NOT_ELIGIBLE, () -> validate(withAwards(
                Sample.level(Sample.best(3), Subject.TV, SubjectLevel.HOAN_THANH), "Học sinh Xuất sắc")));
        t.put(ProblemCode.RESULT_UNKNOWN, () -> List.of(Levels.result("XS", "result").problem()));
        t.put(ProblemCode.RESULT_MISMATCH, () -> List.of(rules.checkStated(YearEndResult.HOAN_THANH_TOT,
                rules.derive(Sample.YEAR, Sample.best(3)).outcome(), "result").orElseThrow()));
        t.put(ProblemCode.RECORD_FROZEN, () -> refusal(() -> rules.override(
                Sample.record(Sample.best(3)).withState(RecordState.LOCKED), YearEndResult.HOAN_THANH, "Lí do", "gv01",
                Instant.EPOCH)));
        t.put(ProblemCode.OVERRIDE_REASON_MISSING, () -> refusal(() -> rules.override(Sample.record(Sample.best(3)),
                YearEndResult.HOAN_THANH, " ", "gv01", Instant.EPOCH)));
        t.put(ProblemCode.OVERRIDE_USER_MISSING, () -> refusal(() -> rules.override(Sample.record(Sample.best(3)),
                YearEndResult.HOAN_THANH, "Lí do", "", Instant.EPOCH)));
        t.put(ProblemCode.OVERRIDE_NOT_ASSESSED, () -> refusal(() -> rules.override(Sample.record(Sample.notAssessed(3)),
                YearEndResult.HOAN_THANH, "Lí do", "gv01", Instant.EPOCH)));
        return t;
    }

    @Test
    void everyCodeHasATrigger() {
        assertEquals(EnumSet.allOf(ProblemCode.class), triggers().keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachTriggerReportsItsCodeNamingTheField() {
        return triggers().entrySet().stream().map(e -> dynamicTest(e.getKey().name(), () -> {
            List<Problem> problems = e.getValue().get();
            List<Problem> mine = problems.stream().filter(p -> p.code() == e.getKey()).toList();
            assertFalse(mine.isEmpty(), "expected " + e.getKey() + " in " + problems);
            for (Problem p : mine) {
                assertEquals(e.getKey().severity(), p.severity());
                assertFalse(p.field().isBlank(), p.toString());
                assertTrue(p.messageVi().contains(p.field()), p.messageVi());
                assertTrue(p.messageEn().contains(p.field()), p.messageEn());
                assertTrue(Normalizer.isNormalized(p.messageVi(), Normalizer.Form.NFC));
                assertFalse(p.messageVi().contains("%"), p.messageVi());
                assertFalse(p.messageEn().contains("%"), p.messageEn());
            }
        }));
    }

    private List<Problem> validate(YearAssessment a) {
        return validator.validate(Sample.record(a));
    }

    private static YearAssessment withAwards(YearAssessment a, String... awards) {
        return new YearAssessment(a.grade(), a.disabledNotAssessed(), a.subjects(), a.traits(), List.of(awards),
                a.generalComment(), a.supplementary());
    }

    private static List<Problem> refusal(Runnable action) {
        try {
            action.run();
        } catch (RuleViolationException e) {
            return List.of(e.problem());
        }
        return List.of();
    }

}
