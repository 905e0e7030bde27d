package vn.hocba.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.YearEndResult;

/** Import cells: scores, the two level scales kept apart, stated results. */
class CellParsingTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"0,0", "' 7 ',7", "10,10", "07,7", "7.0,7", "'7,0',7", "9.00,9", "+8,8"})
    void wholeScores(String cell, int expected) {
        Parsed<Integer> p = Scores.parse(cell, Subject.TOAN);
        assertTrue(p.isOk(), String.valueOf(p.problem()));
        assertEquals(expected, p.value());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"7.5", "7,5", "bảy", "1e1", "7 điểm", "½", "9.01"})
    void scoresThatAreNotWholeNumbers(String cell) {
        Parsed<Integer> p = Scores.parse(cell, Subject.TOAN);
        assertEquals(ProblemCode.SCORE_NOT_INTEGER, p.problem().code());
        assertEquals("TOAN.score", p.problem().field());
        assertTrue(p.problem().messageVi().contains(cell));
        assertNull(p.value());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"11", "-1", "100", "10.0001"})
    void scoresOutsideTheScale(String cell) {
        Parsed<Integer> p = Scores.parse(cell, Subject.TV);
        if (cell.equals("10.0001")) {
            assertEquals(ProblemCode.SCORE_NOT_INTEGER, p.problem().code());
            return;
        }
        assertEquals(ProblemCode.SCORE_OUT_OF_RANGE, p.problem().code());
        assertEquals("TV.score", p.problem().field());
    }

    @ParameterizedTest(name = "empty \"{0}\"")
    @ValueSource(strings = {"", " ", "\t"})
    void anEmptyCellIsNoValue(String cell) {
        assertTrue(Scores.parse(cell, Subject.TOAN).isOk());
        assertNull(Scores.parse(cell, Subject.TOAN).value());
        assertNull(Levels.subject(cell, Subject.TOAN).value());
        assertNull(Levels.trait(cell, Trait.CHAM_CHI).value());
        assertTrue(Levels.result(null, "result").isOk());
    }

    @ParameterizedTest(name = "subject \"{0}\"")
    @CsvSource({"T,HOAN_THANH_TOT", "t,HOAN_THANH_TOT", "H,HOAN_THANH", "C,CHUA_HOAN_THANH",
            "Hoàn thành tốt,HOAN_THANH_TOT", "chưa hoàn thành,CHUA_HOAN_THANH"})
    void subjectLevels(String cell, SubjectLevel expected) {
        assertEquals(expected, Levels.subject(cell, Subject.TV).value());
        assertEquals(expected, Levels.subject(Normalizer.normalize(cell, Normalizer.Form.NFD), Subject.TV).value());
    }

    @ParameterizedTest(name = "trait \"{0}\"")
    @CsvSource({"T,TOT", "Đ,DAT", "D,DAT", "đ,DAT", "C,CAN_CO_GANG", "Tốt,TOT", "Đạt,DAT", "Cần cố gắng,CAN_CO_GANG"})
    void traitLevels(String cell, TraitLevel expected) {
        assertEquals(expected, Levels.trait(cell, Trait.TRUNG_THUC).value());
        assertEquals(expected, Levels.trait(Normalizer.normalize(cell, Normalizer.Form.NFD), Trait.TRUNG_THUC).value());
    }

    @ParameterizedTest(name = "subject \"{0}\"")
    @ValueSource(strings = {"Đ", "D", "Đạt", "Cần cố gắng"})
    void aTraitLevelInASubjectCellIsTheWrongScale(String cell) {
        Problem p = Levels.subject(cell, Subject.MT).problem();
        assertEquals(ProblemCode.LEVEL_WRONG_SCALE, p.code());
        assertEquals("MT.level", p.field());
        assertTrue(p.messageVi().contains("T, H, C"), p.messageVi());
    }

    @ParameterizedTest(name = "trait \"{0}\"")
    @ValueSource(strings = {"H", "Hoàn thành", "Chưa hoàn thành"})
    void aSubjectLevelInATraitCellIsTheWrongScale(String cell) {
        Problem p = Levels.trait(cell, Trait.TU_CHU_TU_HOC).problem();
        assertEquals(ProblemCode.LEVEL_WRONG_SCALE, p.code());
        assertEquals("NLC.TCTH.level", p.field());
        assertTrue(p.messageEn().contains("T, Đ, C"), p.messageEn());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"X", "A", "TT", "5"})
    void levelsOfNoScale(String cell) {
        assertEquals(ProblemCode.LEVEL_UNKNOWN, Levels.subject(cell, Subject.TV).problem().code());
        assertEquals(ProblemCode.LEVEL_UNKNOWN, Levels.trait(cell, Trait.YEU_NUOC).problem().code());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"HTXS,HOAN_THANH_XUAT_SAC", "htt,HOAN_THANH_TOT", "HT,HOAN_THANH", "CHT,CHUA_HOAN_THANH",
            "Hoàn thành xuất sắc,HOAN_THANH_XUAT_SAC"})
    void statedResults(String cell, YearEndResult expected) {
        assertEquals(expected, Levels.result(cell, "result").value());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"XS", "Giỏi", "T"})
    void unknownStatedResults(String cell) {
        assertEquals(ProblemCode.RESULT_UNKNOWN, Levels.result(cell, "result").problem().code());
    }
}
