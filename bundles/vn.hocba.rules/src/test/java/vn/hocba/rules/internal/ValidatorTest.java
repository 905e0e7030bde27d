package vn.hocba.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearRecord;
import vn.hocba.rules.Problem;
import vn.hocba.rules.ProblemCode;
import vn.hocba.rules.Severity;

/** The validator's findings in detail: what is fine, and exactly which problem names which field. */
class ValidatorTest {
    private final Tt27Validator validator = new Tt27Validator(Sample.CATALOG);
    private final Tt27Rules rules = new Tt27Rules(Sample.CATALOG);

    @ParameterizedTest(name = "grade {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aCompleteRecordHasNoProblem(int grade) {
        assertEquals(List.of(), validator.validate(Sample.record(Sample.best(grade))));
    }

    @ParameterizedTest(name = "grade {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aPupilNotAssessedNeedsNoLevels(int grade) {
        assertEquals(List.of(), validator.validate(Sample.record(Sample.notAssessed(grade))));
        // a blank row for a subject is no level
        YearAssessment blankRow = Sample.notAssessed(grade).withSubject(SubjectResult.of(Subject.TV, null, null, ""));
        assertEquals(List.of(), validator.validate(Sample.record(blankRow)));
    }

    @ParameterizedTest(name = "grade {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void exemptSubjectsNeedNoLevelOrScore(int grade) {
        for (Subject s : Sample.compulsorySubjects(grade)) {
            assertEquals(List.of(), validator.validate(Sample.record(Sample.exempt(Sample.best(grade), s))), s.name());
        }
    }

    @Test
    void optionalSubjectsAreCheckedOnlyWhenTaken() {
        assertEquals(List.of(), codes(Sample.best(1)));
        assertEquals(List.of(), codes(Sample.level(Sample.best(1), Subject.NN1, SubjectLevel.HOAN_THANH)));
        assertEquals(List.of(ProblemCode.SCORE_ON_UNTESTED), codes(Sample.scores(
                Sample.level(Sample.best(1), Subject.NN1, SubjectLevel.HOAN_THANH), Subject.NN1, 8)));
        // a score alone means the subject is taken: it then lacks its level too
        assertEquals(List.of(ProblemCode.MISSING_LEVEL, ProblemCode.SCORE_ON_UNTESTED),
                codes(Sample.scores(Sample.best(2), Subject.TDT, 8)));
    }

    @Test
    void nn1IsCompulsoryAndTestedFromGradeThree() {
        YearAssessment a = Sample.best(3);
        YearAssessment without = new YearAssessment(3, false,
                a.subjects().stream().filter(r -> r.subject() != Subject.NN1).toList(), a.traits(), List.of(), "", false);
        List<Problem> problems = validator.validate(Sample.record(without));
        assertEquals(List.of("NN1.level", "NN1.score"), problems.stream().map(Problem::field).toList());
        assertEquals(List.of(ProblemCode.MISSING_LEVEL, ProblemCode.MISSING_SCORE),
                problems.stream().map(Problem::code).toList());
    }

    @Test
    void tdtNeedsAScoreWhenConfiguredAsTested() {
        Tt27Validator tested = new Tt27Validator(new ResourceCurriculumCatalog(true));
        YearAssessment a = Sample.level(Sample.best(4), Subject.TDT, SubjectLevel.HOAN_THANH_TOT);
        assertEquals(List.of(ProblemCode.MISSING_SCORE),
                tested.validate(Sample.record(a)).stream().map(Problem::code).toList());
        assertEquals(List.of(), tested.validate(Sample.record(Sample.scores(a, Subject.TDT, 9))));
        assertEquals(List.of(), validator.validate(Sample.record(a)));
    }

    @Test
    void everyScoreOfARetestIsInRange() {
        List<Problem> problems = validator.validate(Sample.record(Sample.scores(Sample.best(4), Subject.KH, -1, 8)));
        assertEquals(1, problems.size());
        assertEquals(ProblemCode.SCORE_OUT_OF_RANGE, problems.get(0).code());
        assertEquals("KH.score", problems.get(0).field());
        assertTrue(problems.get(0).messageVi().contains("Khoa học"), problems.get(0).messageVi());
        assertEquals(List.of(), codes(Sample.scores(Sample.best(4), Subject.KH, 0, 10)));
    }

    @Test
    void messagesNameTheFieldInBothLanguages() {
        Problem p = validator.validate(Sample.record(Sample.scores(Sample.best(5), Subject.LSDL))).get(0);
        assertEquals(ProblemCode.MISSING_SCORE, p.code());
        assertEquals("LSDL.score", p.field());
        assertEquals("Thiếu điểm bài kiểm tra định kì cuối năm môn Lịch sử và Địa lí (LSDL.score).", p.messageVi());
        assertEquals("The end-of-year test score of Lịch sử và Địa lí is missing (LSDL.score).", p.messageEn());
        Problem t = validator.validate(Sample.record(Sample.trait(Sample.best(2), Trait.GIAO_TIEP_HOP_TAC, null))).get(0);
        assertEquals("NLC.GTHT.level", t.field());
        assertEquals("Thiếu mức đánh giá năng lực chung Giao tiếp và hợp tác (NLC.GTHT.level).", t.messageVi());
    }

    @Test
    void aDisabledPupilWithLevelsIsReportedPerField() {
        YearAssessment a = new YearAssessment(2, true, Sample.best(2).subjects(), Sample.best(2).traits(), List.of(),
                "", false);
        List<Problem> problems = validator.validate(Sample.record(a));
        assertTrue(problems.stream().allMatch(p -> p.code() == ProblemCode.DISABLED_WITH_LEVELS));
        // 8 subject levels, 2 scores, 15 traits
        assertEquals(8 + 2 + 15, problems.size());
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("TOAN.score")));
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("NLDT.TC.level")));
    }

    @Test
    void aMissingPersonalIdIsOnlyAWarning() {
        List<Problem> problems = validator.validate(Sample.record(Sample.best(1), ""));
        assertEquals(1, problems.size());
        assertEquals(Severity.WARNING, problems.get(0).severity());
        for (String bad : List.of("03128486022", "0312848602290", "03128486022A", "031 284 860 229")) {
            List<Problem> p = validator.validate(Sample.record(Sample.best(1), bad));
            assertEquals(ProblemCode.PERSONAL_ID_INVALID, p.get(0).code(), bad);
            assertEquals("personal_id", p.get(0).field());
        }
    }

    @Test
    void awardsMatchTheResult() {
        assertEquals(List.of(), codes(awards(Sample.best(3), "Học sinh Xuất sắc", "Giải Nhì Hội khoẻ Phù Đổng")));
        YearAssessment htt = Sample.scores(Sample.best(3), Subject.TV, 8);
        assertEquals(List.of(), codes(awards(htt, "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện")));
        assertEquals(List.of(ProblemCode.AWARD_NOT_ELIGIBLE), codes(awards(htt, "học sinh  xuất sắc")));
        assertEquals(List.of(ProblemCode.AWARD_NOT_ELIGIBLE),
                codes(awards(Sample.best(3), "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện")));
        // the override is the result the record states
        YearRecord overridden = rules.override(Sample.record(awards(htt, "Học sinh Xuất sắc")),
                YearEndResult.HOAN_THANH_XUAT_SAC, "Điểm Tiếng Việt chấm lại là 9", "gv01", Instant.EPOCH);
        assertEquals(List.of(), validator.validate(overridden));
    }

    @Test
    void aSubjectOfAnotherGradeIsReportedWhereItsValueIs() {
        List<Problem> p = validator.validate(Sample.record(Sample.scores(Sample.best(2), Subject.KH, 8)));
        assertEquals(List.of(ProblemCode.SUBJECT_NOT_IN_GRADE), p.stream().map(Problem::code).toList());
        assertEquals("KH.score", p.get(0).field());
    }

    private List<ProblemCode> codes(YearAssessment a) {
        return validator.validate(Sample.record(a)).stream().map(Problem::code).toList();
    }

    private static YearAssessment awards(YearAssessment a, String... awards) {
        return new YearAssessment(a.grade(), false, a.subjects(), a.traits(), List.of(awards), "", false);
    }
}
