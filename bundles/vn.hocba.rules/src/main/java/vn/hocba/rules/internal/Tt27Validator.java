package vn.hocba.rules.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import vn.hocba.model.AwardKind;
import vn.hocba.model.Curriculum;
import vn.hocba.model.CurriculumEntry;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Subject;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearRecord;
import vn.hocba.rules.CurriculumCatalog;
import vn.hocba.rules.Problem;
import vn.hocba.rules.ProblemCode;
import vn.hocba.rules.RecordValidator;
import vn.hocba.rules.Scores;

/** The checks of a year record against the curriculum of its grade and year (see {@link ProblemCode}). */
public class Tt27Validator implements RecordValidator {

    private final CurriculumCatalog catalog;
    private final Tt27Rules rules;

    public Tt27Validator(CurriculumCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.rules = new Tt27Rules(catalog);
    }

    @Override
    public List<Problem> validate(YearRecord record) {
        List<Problem> out = new ArrayList<>();
        personalId(record.pupil(), out);
        YearAssessment a = record.assessment();
        if (a.grade() != record.schoolClass().grade()) {
            out.add(Problem.of(ProblemCode.GRADE_MISMATCH, "grade", record.schoolClass().name(),
                    record.schoolClass().name(), a.grade()));
        }
        List<Problem> assessment = validate(record.year(), a);
        out.addAll(assessment);
        if (assessment.stream().noneMatch(Problem::isError)) awards(record, out);
        return List.copyOf(out);
    }

    @Override
    public List<Problem> validate(SchoolYear year, YearAssessment a) {
        Optional<Curriculum> curriculum = catalog.find(year).filter(c -> c.coversGrade(a.grade()));
        if (curriculum.isEmpty()) {
            return List.of(Problem.of(ProblemCode.NO_CURRICULUM, "grade", year.toString(), year.toString(),
                    a.grade()));
        }
        List<Problem> out = new ArrayList<>();
        duplicates(a, out);
        subjects(curriculum.get(), a, out);
        traits(curriculum.get(), a, out);
        return List.copyOf(out);
    }

    private static void personalId(PupilIdentity pupil, List<Problem> out) {
        if (pupil.personalId().isEmpty()) {
            out.add(Problem.of(ProblemCode.PERSONAL_ID_MISSING, "personal_id", "", "", ""));
        } else if (!pupil.hasValidPersonalId()) {
            out.add(Problem.of(ProblemCode.PERSONAL_ID_INVALID, "personal_id", "", "", pupil.personalId()));
        }
    }

    private static void duplicates(YearAssessment a, List<Problem> out) {
        Set<Subject> seenSubjects = EnumSet.noneOf(Subject.class);
        for (SubjectResult r : a.subjects()) {
            if (!seenSubjects.add(r.subject())) {
                out.add(Problem.of(ProblemCode.DUPLICATE_SUBJECT, r.subject().nationalCode(),
                        r.subject().label(), r.subject().label(), ""));
            }
        }
        Set<Trait> seenTraits = EnumSet.noneOf(Trait.class);
        for (TraitResult r : a.traits()) {
            if (!seenTraits.add(r.trait())) {
                out.add(Problem.of(ProblemCode.DUPLICATE_TRAIT, r.trait().nationalCode(),
                        Items.vi(r.trait()), Items.en(r.trait()), ""));
            }
        }
    }

    private static void subjects(Curriculum c, YearAssessment a, List<Problem> out) {
        Set<Subject> inGrade = EnumSet.noneOf(Subject.class);
        for (CurriculumEntry e : c.forGrade(a.grade())) {
            inGrade.add(e.subject());
            SubjectResult r = a.subject(e.subject()).orElse(null);
            if (a.disabledNotAssessed()) {
                if (r != null) notAssessedButHasResult(r, out);
            } else {
                subject(e, r, out);
            }
        }
        for (SubjectResult r : a.subjects()) {
            if (!inGrade.contains(r.subject()) && !r.isBlank()) {
                out.add(Problem.of(ProblemCode.SUBJECT_NOT_IN_GRADE, r.isExempt() ? r.subject().nationalCode()
                        + ".exempt" : r.level() != null ? Items.levelField(r.subject()) : Items.scoreField(r.subject()),
                        r.subject().label(), r.subject().label(), a.grade()));
            }
        }
    }

    private static void subject(CurriculumEntry e, SubjectResult r, List<Problem> out) {
        Subject s = e.subject();
        if (r != null && r.isExempt()) {
            if (r.level() != null || !r.scores().isEmpty()) {
                out.add(Problem.of(ProblemCode.EXEMPT_WITH_RESULT, s.nationalCode() + ".exempt",
                        s.label(), s.label(), ""));
            }
            return;
        }
        if (!RuleInputs.counts(e, r)) return;
        if (r == null || r.level() == null) {
            out.add(Problem.of(ProblemCode.MISSING_LEVEL, Items.levelField(s), s.label(), s.label(), ""));
        }
        List<Integer> scores = r == null ? List.of() : r.scores();
        if (e.tested() && scores.isEmpty()) {
            out.add(Problem.of(ProblemCode.MISSING_SCORE, Items.scoreField(s), s.label(), s.label(), ""));
        }
        if (!e.tested() && !scores.isEmpty()) {
            out.add(Problem.of(ProblemCode.SCORE_ON_UNTESTED, Items.scoreField(s), s.label(), s.label(),
                    r.finalScore().orElseThrow()));
        }
        for (Integer score : scores) {
            if (score == null || !Scores.inRange(score)) {
                out.add(Problem.of(ProblemCode.SCORE_OUT_OF_RANGE, Items.scoreField(s), s.label(), s.label(),
                        score));
            }
        }
    }

    private static void notAssessedButHasResult(SubjectResult r, List<Problem> out) {
        Subject s = r.subject();
        if (r.level() != null) {
            out.add(Problem.of(ProblemCode.DISABLED_WITH_LEVELS, Items.levelField(s), Items.vi(s), Items.en(s), ""));
        }
        if (!r.scores().isEmpty()) {
            out.add(Problem.of(ProblemCode.DISABLED_WITH_LEVELS, Items.scoreField(s), Items.vi(s), Items.en(s), ""));
        }
    }

    private static void traits(Curriculum c, YearAssessment a, List<Problem> out) {
        if (a.disabledNotAssessed()) {
            for (TraitResult r : a.traits()) {
                if (r.level() != null) {
                    out.add(Problem.of(ProblemCode.DISABLED_WITH_LEVELS, Items.levelField(r.trait()),
                            Items.vi(r.trait()), Items.en(r.trait()), ""));
                }
            }
            return;
        }
        for (Trait t : c.traitsForGrade(a.grade())) {
            if (a.trait(t).map(TraitResult::level).isEmpty()) {
                out.add(Problem.of(ProblemCode.MISSING_TRAIT_LEVEL, Items.levelField(t), Items.vi(t), Items.en(t),
                        ""));
            }
        }
    }

    /** The two end-of-year titles need the matching result (the override's, when there is one). */
    private void awards(YearRecord record, List<Problem> out) {
        YearEndResult result = record.override() != null ? record.override().result()
                : rules.derive(record.year(), record.assessment()).outcome().result();
        for (String award : record.assessment().awards()) {
            AwardKind kind = AwardKind.of(award);
            YearEndResult needed = switch (kind) {
                case HOC_SINH_XUAT_SAC -> YearEndResult.HOAN_THANH_XUAT_SAC;
                case HOC_SINH_TIEU_BIEU -> YearEndResult.HOAN_THANH_TOT;
                case OTHER -> null;
            };
            if (needed != null && result != needed) {
                out.add(Problem.of(ProblemCode.AWARD_NOT_ELIGIBLE, "awards", kind.label(), kind.label(),
                        needed.nationalCode()));
            }
        }
    }
}
