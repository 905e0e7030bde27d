package vn.hocba.rules.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hocba.model.YearEndResult.CHUA_HOAN_THANH;
import static vn.hocba.model.YearEndResult.HOAN_THANH;
import static vn.hocba.model.YearEndResult.HOAN_THANH_TOT;
import static vn.hocba.model.YearEndResult.HOAN_THANH_XUAT_SAC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.hocba.model.FollowUp;
import vn.hocba.model.Promotion;
import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearOutcome;

/**
 * The year-end rule of HOCBA.md §4 at every boundary, for every grade. The table below is the rule written out by
 * hand: the lowest subject level, the lowest quality/competency level, and the lowest final test score.
 */
class DerivationTableTest {

    private static final int[] SCORES = {4, 5, 6, 7, 8, 9, 10};

    /** Expected result per (lowest subject level, lowest trait level) for the scores 4, 5, 6, 7, 8, 9, 10. */
    private static final Map<String, YearEndResult[]> TABLE = Map.of(
            "T/Tốt", row(CHUA_HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH_TOT, HOAN_THANH_TOT, HOAN_THANH_XUAT_SAC, HOAN_THANH_XUAT_SAC),
            "T/Đạt", row(CHUA_HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH),
            "T/Cần cố gắng", row(CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH),
            "H/Tốt", row(CHUA_HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH),
            "H/Đạt", row(CHUA_HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH, HOAN_THANH),
            "H/Cần cố gắng", row(CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH),
            "C/Tốt", row(CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH),
            "C/Đạt", row(CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH),
            "C/Cần cố gắng", row(CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH, CHUA_HOAN_THANH));

    private final Tt27Rules rules = new Tt27Rules(Sample.CATALOG);

    private static YearEndResult[] row(YearEndResult... r) { return r; }

    static Stream<Arguments> boundaries() {
        List<Arguments> all = new ArrayList<>();
        for (int grade = 1; grade <= 5; grade++) {
            for (SubjectLevel s : SubjectLevel.values()) {
                for (TraitLevel t : TraitLevel.values()) {
                    for (int i = 0; i < SCORES.length; i++) {
                        all.add(Arguments.of(grade, s, t, SCORES[i], TABLE.get(s.nationalCode() + "/" + t.label())[i]));
                    }
                }
            }
        }
        return all.stream();
    }

    /**
     * One subject at the level, one quality or competency at the level, one tested subject at the score, the rest
     * at the top; every choice of which subject, which trait and which tested subject.
     */
    @ParameterizedTest(name = "grade {0}: one subject {1}, one trait {2}, one score {3} -> {4}")
    @MethodSource("boundaries")
    void oneItemAtEachLevelAndScore(int grade, SubjectLevel subjectLevel, TraitLevel traitLevel, int score,
            YearEndResult expected) {
        List<Executable> checks = new ArrayList<>();
        for (Subject lowered : Sample.compulsorySubjects(grade)) {
            for (Trait trait : List.of(Trait.YEU_NUOC, Trait.GIAO_TIEP_HOP_TAC, Trait.THE_CHAT)) {
                for (Subject tested : Sample.testedSubjects(grade)) {
                    YearAssessment a = Sample.level(Sample.best(grade), lowered, subjectLevel);
                    a = Sample.trait(a, trait, traitLevel);
                    a = Sample.scores(a, tested, score);
                    YearAssessment in = a;
                    checks.add(() -> assertEquals(expected, derive(in).result(),
                            lowered + "=" + subjectLevel + ", " + trait + "=" + traitLevel + ", " + tested + "=" + score));
                }
            }
        }
        assertFalse(checks.isEmpty());
        assertAll(checks);
    }

    static IntStream grades() { return IntStream.rangeClosed(1, 5); }

    @ParameterizedTest(name = "grade {0}")
    @MethodSource("grades")
    void everyTraitCounts(int grade) {
        for (Trait t : Trait.values()) {
            assertEquals(HOAN_THANH, derive(Sample.trait(Sample.best(grade), t, TraitLevel.DAT)).result(), t.name());
            assertEquals(CHUA_HOAN_THANH, derive(Sample.trait(Sample.best(grade), t, TraitLevel.CAN_CO_GANG)).result());
        }
    }

    @ParameterizedTest(name = "grade {0}")
    @MethodSource("grades")
    void oneHOrOneDatAmongAllTIsHt(int grade) {
        assertEquals(HOAN_THANH_XUAT_SAC, derive(Sample.best(grade)).result());
        for (Subject s : Sample.compulsorySubjects(grade)) {
            assertEquals(HOAN_THANH, derive(Sample.level(Sample.best(grade), s, SubjectLevel.HOAN_THANH)).result(),
                    s.name());
        }
        assertEquals(HOAN_THANH, derive(Sample.trait(Sample.best(grade), Trait.TRUNG_THUC, TraitLevel.DAT)).result());
    }

    @ParameterizedTest(name = "grade {0}")
    @MethodSource("grades")
    void anExemptSubjectIsLeftOut(int grade) {
        for (Subject s : Sample.compulsorySubjects(grade)) {
            // exempt from a subject the pupil would fail: the rest decides
            YearAssessment a = Sample.exempt(Sample.best(grade), s);
            assertEquals(HOAN_THANH_XUAT_SAC, derive(a).result(), s.name());
            YearAssessment weak = Sample.exempt(Sample.level(Sample.best(grade), Subject.DD, SubjectLevel.HOAN_THANH), s);
            assertEquals(s == Subject.DD ? HOAN_THANH_XUAT_SAC : HOAN_THANH, derive(weak).result(), s.name());
        }
    }

    @ParameterizedTest(name = "grade {0}")
    @MethodSource("grades")
    void anOptionalSubjectCountsOnlyWhenTaken(int grade) {
        // TDT is optional in every grade, NN1 in grades 1-2
        List<Subject> optional = grade <= 2 ? List.of(Subject.TDT, Subject.NN1) : List.of(Subject.TDT);
        for (Subject s : optional) {
            assertEquals(HOAN_THANH_XUAT_SAC, derive(Sample.best(grade)).result());
            assertEquals(HOAN_THANH_XUAT_SAC, derive(Sample.level(Sample.best(grade), s, SubjectLevel.HOAN_THANH_TOT)).result());
            assertEquals(HOAN_THANH, derive(Sample.level(Sample.best(grade), s, SubjectLevel.HOAN_THANH)).result());
            assertEquals(CHUA_HOAN_THANH, derive(Sample.level(Sample.best(grade), s, SubjectLevel.CHUA_HOAN_THANH)).result());
        }
        if (grade >= 3) {
            // NN1 is compulsory from grade 3: leaving it out is not achieving it
            YearAssessment noNn1 = new YearAssessment(grade, false,
                    Sample.best(grade).subjects().stream().filter(r -> r.subject() != Subject.NN1).toList(),
                    Sample.best(grade).traits(), List.of(), "", false);
            assertEquals(CHUA_HOAN_THANH, derive(noNn1).result());
        }
    }

    @ParameterizedTest(name = "grade {0}")
    @MethodSource("grades")
    void theLastRetestScoreCounts(int grade) {
        for (Subject s : Sample.testedSubjects(grade)) {
            assertEquals(HOAN_THANH, derive(Sample.scores(Sample.best(grade), s, 4, 6)).result(), s.name());
            assertEquals(HOAN_THANH_XUAT_SAC, derive(Sample.scores(Sample.best(grade), s, 3, 9)).result());
            assertEquals(HOAN_THANH_TOT, derive(Sample.scores(Sample.best(grade), s, 2, 5, 7)).result());
            // the last one counts even when it is lower
            assertEquals(CHUA_HOAN_THANH, derive(Sample.scores(Sample.best(grade), s, 9, 4)).result());
        }
    }

    @ParameterizedTest(name = "grade {0}")
    @MethodSource("grades")
    void aPupilNotAssessedGetsNoResult(int grade) {
        YearOutcome o = derive(Sample.notAssessed(grade));
        assertNull(o.result());
        assertFalse(o.completedGrade());
        assertFalse(o.completedPrimary());
        assertFalse(o.excellentPupilEligible());
        assertEquals(Promotion.UNDECIDED, o.promotion());
        assertEquals(FollowUp.PRINCIPAL_DECISION, o.followUp());
        // the levels a not-assessed pupil should not have do not bring a result either
        YearAssessment withLevels = new YearAssessment(grade, true, Sample.best(grade).subjects(),
                Sample.best(grade).traits(), List.of(), "", false);
        assertNull(derive(withLevels).result());
    }

    @ParameterizedTest(name = "grade {0}")
    @MethodSource("grades")
    void completionAndPromotion(int grade) {
        YearAssessment ht = Sample.level(Sample.best(grade), Subject.TV, SubjectLevel.HOAN_THANH);
        YearAssessment cht = Sample.level(Sample.best(grade), Subject.TV, SubjectLevel.CHUA_HOAN_THANH);
        for (YearAssessment complete : List.of(Sample.best(grade), ht,
                Sample.scores(Sample.best(grade), Subject.TOAN, 8))) {
            YearOutcome o = derive(complete);
            assertTrue(o.completedGrade());
            assertEquals(grade == 5, o.completedPrimary(), "Hoàn thành chương trình tiểu học only in grade 5");
            assertEquals(o.result() == HOAN_THANH_XUAT_SAC, o.excellentPupilEligible());
            assertEquals(Promotion.PROMOTED, o.promotion());
            assertEquals(FollowUp.NONE, o.followUp());
        }
        YearOutcome o = derive(cht);
        assertEquals(CHUA_HOAN_THANH, o.result());
        assertFalse(o.completedGrade());
        assertFalse(o.completedPrimary());
        assertFalse(o.excellentPupilEligible());
        assertEquals(Promotion.UNDECIDED, o.promotion());
        assertEquals(FollowUp.SUPPLEMENTARY_ASSESSMENT, o.followUp());
    }

    @ParameterizedTest(name = "grade {0}")
    @MethodSource("grades")
    void theSupplementaryAssessmentDecidesAfterTheSummer(int grade) {
        YearAssessment june = Sample.scores(Sample.best(grade), Subject.TOAN, 3);
        assertEquals(FollowUp.SUPPLEMENTARY_ASSESSMENT, derive(june).followUp());
        // re-tested after the summer: complete now
        YearAssessment passed = Sample.scores(Sample.best(grade), Subject.TOAN, 3, 6).asSupplementary(true);
        YearOutcome o = derive(passed);
        assertEquals(HOAN_THANH, o.result());
        assertTrue(o.completedGrade());
        assertEquals(grade == 5, o.completedPrimary());
        assertEquals(Promotion.PROMOTED, o.promotion());
        assertEquals(FollowUp.NONE, o.followUp());
        // still not complete: the principal decides
        YearAssessment failed = Sample.scores(Sample.best(grade), Subject.TOAN, 3, 4).asSupplementary(true);
        YearOutcome f = derive(failed);
        assertEquals(CHUA_HOAN_THANH, f.result());
        assertEquals(Promotion.UNDECIDED, f.promotion());
        assertEquals(FollowUp.PRINCIPAL_DECISION, f.followUp());
    }

    @ParameterizedTest(name = "grade {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void missingDataIsNotAchieved(int grade) {
        Subject tested = Sample.testedSubjects(grade).get(0);
        assertEquals(CHUA_HOAN_THANH, derive(Sample.scores(Sample.best(grade), tested)).result());
        assertEquals(CHUA_HOAN_THANH, derive(Sample.level(Sample.best(grade), Subject.DD, null)).result());
        YearAssessment noTraits = new YearAssessment(grade, false, Sample.best(grade).subjects(), List.of(),
                List.of(), "", false);
        assertEquals(CHUA_HOAN_THANH, derive(noTraits).result());
    }

    private YearOutcome derive(YearAssessment a) {
        return rules.derive(Sample.YEAR, a).outcome();
    }
}
