package vn.hocba.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The helpers added around the records: codes, defaults and copies. */
class ModelHelpersTest {

    @Test
    void everyEnumHasALabelAndACode() {
        for (Promotion p : Promotion.values()) assertFalse(p.label().isEmpty());
        assertEquals("1", Promotion.PROMOTED.nationalCode());
        assertEquals("0", Promotion.REPEAT.nationalCode());
        assertEquals(List.of("PC", "NLC", "NLDT"),
                Arrays.stream(Trait.Kind.values()).map(Trait.Kind::nationalCode).toList());
        for (Trait t : Trait.values()) assertTrue(t.nationalCode().startsWith(t.kind().nationalCode() + "."));
        assertEquals(Sex.FEMALE, Sex.ofNationalCode(2));
        assertEquals("Đ", TraitLevel.DAT.nationalCode());
    }

    @Test
    void awardsAreRecognisedInFreeText() {
        assertEquals(AwardKind.HOC_SINH_XUAT_SAC, AwardKind.of(" Học sinh  Xuất sắc "));
        assertEquals(AwardKind.HOC_SINH_TIEU_BIEU,
                AwardKind.of("Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện"));
        assertEquals(AwardKind.OTHER, AwardKind.of("Giải Ba cuộc thi Viết chữ đẹp cấp huyện"));
        assertEquals(AwardKind.OTHER, AwardKind.of(null));
    }

    @Test
    void aRetestAppendsTheFinalScore() {
        SubjectResult r = SubjectResult.of(Subject.TOAN, SubjectLevel.HOAN_THANH, 4, "").withRetest(6);
        assertEquals(List.of(4, 6), r.scores());
        assertEquals(6, r.finalScore().orElseThrow());
        assertTrue(r.isRetested());
        assertFalse(r.isBlank());
        assertTrue(SubjectResult.of(Subject.TDT, null, null, "").isBlank());
        assertFalse(SubjectResult.exempt(Subject.GDTC, "Sức khoẻ").isBlank());
    }

    @Test
    void theOlderOutcomeShapeLeavesAnUndecidedPupilToThePrincipal() {
        assertEquals(FollowUp.PRINCIPAL_DECISION,
                new YearOutcome(YearEndResult.CHUA_HOAN_THANH, false, false, false, Promotion.UNDECIDED).followUp());
        assertEquals(FollowUp.NONE,
                new YearOutcome(YearEndResult.HOAN_THANH, true, false, false, Promotion.PROMOTED).followUp());
    }

    @Test
    void aCurriculumWithoutTraitListsAssessesAllFifteenInEachOfItsGrades() {
        Curriculum c = new Curriculum("X", "", new SchoolYear(2020),
                List.of(new CurriculumEntry(1, Subject.TV, true, true), new CurriculumEntry(3, Subject.TV, true, true)));
        assertEquals(Arrays.asList(Trait.values()), c.traitsForGrade(1));
        assertEquals(List.of(), c.traitsForGrade(2));
        assertTrue(c.coversGrade(3));
        assertFalse(c.coversGrade(2));
    }

    @Test
    void assessmentCopiesReplaceOneItem() {
        YearAssessment a = new YearAssessment(2, false, List.of(SubjectResult.of(Subject.TV, SubjectLevel.HOAN_THANH, 7, "")),
                List.of(new TraitResult(Trait.YEU_NUOC, TraitLevel.DAT, "")), List.of(), "", false);
        YearAssessment b = a.withSubject(SubjectResult.of(Subject.TV, SubjectLevel.HOAN_THANH_TOT, 9, ""))
                .withTrait(new TraitResult(Trait.YEU_NUOC, TraitLevel.TOT, "")).asSupplementary(true);
        assertEquals(1, b.subjects().size());
        assertEquals(SubjectLevel.HOAN_THANH_TOT, b.subject(Subject.TV).orElseThrow().level());
        assertEquals(TraitLevel.TOT, b.trait(Trait.YEU_NUOC).orElseThrow().level());
        assertTrue(b.supplementary());
        assertFalse(a.supplementary());
    }
}
