package vn.hocba.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.hocba.model.Curriculum;
import vn.hocba.model.CurriculumEntry;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.RecordState;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Sex;
import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearRecord;

/** Assessments and records to test with: the best possible pupil of a grade, then one change at a time. */
final class Sample {
    /** 2024-2025 is the first year the 2018 programme covers all five grades. */
    static final SchoolYear YEAR = SchoolYear.parse("2024-2025");
    static final ResourceCurriculumCatalog CATALOG = new ResourceCurriculumCatalog();
    static final Curriculum CURRICULUM = CATALOG.forYear(YEAR);

    private Sample() {}

    static List<CurriculumEntry> compulsory(int grade) {
        return CURRICULUM.forGrade(grade).stream().filter(CurriculumEntry::compulsory).toList();
    }

    static List<Subject> compulsorySubjects(int grade) {
        return compulsory(grade).stream().map(CurriculumEntry::subject).toList();
    }

    static List<Subject> testedSubjects(int grade) {
        return compulsory(grade).stream().filter(CurriculumEntry::tested).map(CurriculumEntry::subject).toList();
    }

    /** Every compulsory subject T (tested ones scored 10), every quality and competency Tốt; optional ones not taken. */
    static YearAssessment best(int grade) {
        List<SubjectResult> subjects = new ArrayList<>();
        for (CurriculumEntry e : compulsory(grade)) {
            subjects.add(SubjectResult.of(e.subject(), SubjectLevel.HOAN_THANH_TOT, e.tested() ? 10 : null, "Tốt"));
        }
        List<TraitResult> traits = new ArrayList<>();
        for (Trait t : CURRICULUM.traitsForGrade(grade)) traits.add(new TraitResult(t, TraitLevel.TOT, ""));
        return new YearAssessment(grade, false, subjects, traits, List.of(), "", false);
    }

    static YearAssessment level(YearAssessment a, Subject s, SubjectLevel l) {
        SubjectResult r = a.subject(s).orElse(SubjectResult.of(s, null, null, ""));
        return a.withSubject(r.withLevel(l));
    }

    static YearAssessment scores(YearAssessment a, Subject s, Integer... scores) {
        SubjectResult r = a.subject(s).orElse(SubjectResult.of(s, null, null, ""));
        return a.withSubject(new SubjectResult(s, r.level(), List.of(scores), r.comment(), r.exemptReason()));
    }

    static YearAssessment trait(YearAssessment a, Trait t, TraitLevel l) {
        return a.withTrait(new TraitResult(t, l, ""));
    }

    static YearAssessment exempt(YearAssessment a, Subject s) {
        return a.withSubject(SubjectResult.exempt(s, "Miễn theo quyết định của Hiệu trưởng"));
    }

    static YearAssessment notAssessed(int grade) {
        return new YearAssessment(grade, true, List.of(), List.of(), List.of(), "", false);
    }

    static YearRecord record(YearAssessment a) {
        return record(a, "031284860229");
    }

    static YearRecord record(YearAssessment a, String personalId) {
        School school = new School("HP-AL-TH01", "Trường Tiểu học An Thắng");
        SchoolClass c = new SchoolClass(school.code(), YEAR, a.grade(), a.grade() + "A", "Phạm Thị Lan");
        PupilIdentity pupil = new PupilIdentity("HP-AL-TH0120220001", personalId, "Trần Hữu Ánh", Sex.MALE,
                LocalDate.of(2016, 6, 13), "Kinh", "Việt Nam", "Hải Phòng", "", "", "", "", "");
        return new YearRecord("rec-1", 1, RecordState.DRAFT, school, c, pupil, List.of(), a, null, null, null, "", null);
    }
}
