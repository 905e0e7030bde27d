package vn.hocba.rules.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.hocba.model.Curriculum;
import vn.hocba.model.FollowUp;
import vn.hocba.model.Promotion;
import vn.hocba.model.ResultOverride;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearOutcome;
import vn.hocba.model.YearRecord;
import vn.hocba.rules.CurriculumCatalog;
import vn.hocba.rules.Derivation;
import vn.hocba.rules.Problem;
import vn.hocba.rules.ProblemCode;
import vn.hocba.rules.RuleViolationException;
import vn.hocba.rules.Shortfall;
import vn.hocba.rules.YearResultRules;
import vn.hocba.rules.internal.RuleInputs.SubjectInput;
import vn.hocba.rules.internal.RuleInputs.TraitInput;

/**
 * TT27 Điều 9: the highest of HTXS, HTT, HT whose conditions every counted item meets, else CHT.
 * Each level asks a minimum subject level, a minimum quality/competency level and a minimum final test score.
 */
public class Tt27Rules implements YearResultRules {

    /** The conditions of one year-end level. */
    private record Bar(YearEndResult level, int subjectRank, int traitRank, int minScore) {}

    /** From the highest level down; CHT has no conditions. */
    private static final List<Bar> BARS = List.of(
            new Bar(YearEndResult.HOAN_THANH_XUAT_SAC, rank(SubjectLevel.HOAN_THANH_TOT), rank(TraitLevel.TOT), 9),
            new Bar(YearEndResult.HOAN_THANH_TOT, rank(SubjectLevel.HOAN_THANH_TOT), rank(TraitLevel.TOT), 7),
            new Bar(YearEndResult.HOAN_THANH, rank(SubjectLevel.HOAN_THANH), rank(TraitLevel.DAT), 5));

    private final CurriculumCatalog catalog;

    public Tt27Rules(CurriculumCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public Derivation derive(SchoolYear year, YearAssessment a) {
        if (a.disabledNotAssessed()) {
            return new Derivation(
                    new YearOutcome(null, false, false, false, Promotion.UNDECIDED, FollowUp.PRINCIPAL_DECISION),
                    List.of());
        }
        RuleInputs in = RuleInputs.of(curriculum(year, a.grade()), a);
        YearEndResult result = YearEndResult.CHUA_HOAN_THANH;
        Bar missed = BARS.get(BARS.size() - 1);
        for (Bar bar : BARS) {
            if (meets(in, bar)) {
                result = bar.level();
                break;
            }
            missed = bar;
        }
        List<Shortfall> why = result == YearEndResult.HOAN_THANH_XUAT_SAC ? List.of() : shortfalls(in, missed);
        return new Derivation(outcomeOf(result, a), why);
    }

    /** The consequences of a result: completion, primary completion in grade 5, award eligibility, promotion. */
    static YearOutcome outcomeOf(YearEndResult result, YearAssessment a) {
        boolean complete = result.completesGrade();
        FollowUp followUp = complete ? FollowUp.NONE
                : a.supplementary() ? FollowUp.PRINCIPAL_DECISION : FollowUp.SUPPLEMENTARY_ASSESSMENT;
        return new YearOutcome(result, complete, complete && a.grade() == 5,
                result == YearEndResult.HOAN_THANH_XUAT_SAC,
                complete ? Promotion.PROMOTED : Promotion.UNDECIDED, followUp);
    }

    @Override
    public YearRecord withDerivedOutcome(YearRecord record) {
        requireDraft(record);
        return record.withOutcome(derive(record.year(), record.assessment()).outcome());
    }

    @Override
    public YearOutcome effectiveOutcome(YearRecord record) {
        if (record.override() != null && !record.assessment().disabledNotAssessed()) {
            return outcomeOf(record.override().result(), record.assessment());
        }
        return record.outcome() != null ? record.outcome() : derive(record.year(), record.assessment()).outcome();
    }

    @Override
    public YearRecord override(YearRecord record, YearEndResult result, String reason, String userId, Instant at) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(at, "at");
        requireDraft(record);
        if (reason == null || reason.isBlank()) throw refused(ProblemCode.OVERRIDE_REASON_MISSING, "override.reason");
        if (userId == null || userId.isBlank()) throw refused(ProblemCode.OVERRIDE_USER_MISSING, "override.userId");
        if (record.assessment().disabledNotAssessed()) {
            throw refused(ProblemCode.OVERRIDE_NOT_ASSESSED, "disabled_not_assessed");
        }
        // keep the derived outcome beside the override, so the audit shows both
        YearRecord derived = record.outcome() == null ? withDerivedOutcome(record) : record;
        return derived.withOverride(new ResultOverride(result, reason, userId, at));
    }

    @Override
    public YearRecord removeOverride(YearRecord record) {
        requireDraft(record);
        return record.withOverride(null);
    }

    private Curriculum curriculum(SchoolYear year, int grade) {
        return catalog.find(year).filter(c -> c.coversGrade(grade)).orElseThrow(() -> new RuleViolationException(
                Problem.of(ProblemCode.NO_CURRICULUM, "grade", year.toString(), year.toString(), grade)));
    }

    private static boolean meets(RuleInputs in, Bar bar) {
        for (SubjectInput s : in.subjects()) {
            if (s.rank() < bar.subjectRank()) return false;
            if (s.entry().tested() && !scoreMeets(s.finalScore(), bar)) return false;
        }
        for (TraitInput t : in.traits()) {
            if (t.rank() < bar.traitRank()) return false;
        }
        return true;
    }

    private static boolean scoreMeets(Integer score, Bar bar) {
        return score != null && score >= bar.minScore();
    }

    private static List<Shortfall> shortfalls(RuleInputs in, Bar bar) {
        List<Shortfall> out = new ArrayList<>();
        String target = bar.level().nationalCode();
        for (SubjectInput s : in.subjects()) {
            var subject = s.entry().subject();
            if (s.rank() < bar.subjectRank()) {
                String need = SubjectLevel.values()[bar.subjectRank()].label();
                out.add(s.rank() < 0
                        ? new Shortfall(bar.level(), Items.levelField(subject),
                                Items.capitalised(Items.vi(subject)) + " chưa có mức đạt được",
                                Items.en(subject) + " has no level")
                        : new Shortfall(bar.level(), Items.levelField(subject),
                                Items.capitalised(Items.vi(subject)) + ": mức " + s.result().level().label() + ", "
                                        + target + " cần từ mức " + need + " trở lên",
                                Items.en(subject) + ": level " + s.result().level().label() + ", " + target
                                        + " needs at least " + need));
            }
            if (s.entry().tested() && !scoreMeets(s.finalScore(), bar)) {
                out.add(s.finalScore() == null
                        ? new Shortfall(bar.level(), Items.scoreField(subject),
                                Items.capitalised(Items.vi(subject)) + " chưa có điểm kiểm tra cuối năm",
                                Items.en(subject) + " has no end-of-year test score")
                        : new Shortfall(bar.level(), Items.scoreField(subject),
                                Items.capitalised(Items.vi(subject)) + ": điểm cuối năm " + s.finalScore() + ", "
                                        + target + " cần từ " + bar.minScore() + " điểm trở lên",
                                Items.en(subject) + ": end-of-year score " + s.finalScore() + ", " + target
                                        + " needs at least " + bar.minScore()));
            }
        }
        for (TraitInput t : in.traits()) {
            if (t.rank() >= bar.traitRank()) continue;
            String need = TraitLevel.values()[bar.traitRank()].label();
            out.add(t.rank() < 0
                    ? new Shortfall(bar.level(), Items.levelField(t.trait()),
                            Items.capitalised(Items.vi(t.trait())) + " chưa có mức đánh giá",
                            Items.capitalised(Items.en(t.trait())) + " has no level")
                    : new Shortfall(bar.level(), Items.levelField(t.trait()),
                            Items.capitalised(Items.vi(t.trait())) + ": mức " + t.result().level().label() + ", "
                                    + target + " cần từ mức " + need + " trở lên",
                            Items.capitalised(Items.en(t.trait())) + ": level " + t.result().level().label() + ", "
                                    + target + " needs at least " + need));
        }
        return out;
    }

    private static void requireDraft(YearRecord record) {
        if (record.state().isFrozen()) {
            throw new RuleViolationException(Problem.of(ProblemCode.RECORD_FROZEN, "state",
                    record.state().label(), record.state().name(), record.state().name()));
        }
    }

    private static RuleViolationException refused(ProblemCode code, String field) {
        return new RuleViolationException(Problem.of(code, field, "", "", ""));
    }

    private static int rank(SubjectLevel l) { return l.ordinal(); }

    private static int rank(TraitLevel l) { return l.ordinal(); }
}
