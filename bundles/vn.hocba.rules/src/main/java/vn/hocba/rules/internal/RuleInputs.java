package vn.hocba.rules.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.hocba.model.Curriculum;
import vn.hocba.model.CurriculumEntry;
import vn.hocba.model.CurriculumTrait;
import vn.hocba.model.Subject;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;

/**
 * What the year-end rule looks at in one assessment: the level of every subject the pupil takes and is not exempt
 * from, the final score of every such subject tested in the grade, and the level of every quality and competency
 * of the grade. Missing values are kept (as null) so they count as not achieved.
 */
record RuleInputs(List<SubjectInput> subjects, List<TraitInput> traits) {

    record SubjectInput(CurriculumEntry entry, SubjectResult result) {
        /** -1 missing, 0 C, 1 H, 2 T */
        int rank() { return result == null || result.level() == null ? -1 : result.level().ordinal(); }

        /** The last (re-)test score, or null. */
        Integer finalScore() { return result == null ? null : result.finalScore().orElse(null); }
    }

    record TraitInput(Trait trait, TraitResult result) {
        /** -1 missing, 0 Cần cố gắng, 1 Đạt, 2 Tốt */
        int rank() { return result == null || result.level() == null ? -1 : result.level().ordinal(); }
    }

    static RuleInputs of(Curriculum curriculum, YearAssessment a) {
        // the first result of a subject or trait counts, as YearAssessment.subject() and trait() say
        Map<Subject, SubjectResult> bySubject = new EnumMap<>(Subject.class);
        for (SubjectResult r : a.subjects()) bySubject.putIfAbsent(r.subject(), r);
        Map<Trait, TraitResult> byTrait = new EnumMap<>(Trait.class);
        for (TraitResult r : a.traits()) byTrait.putIfAbsent(r.trait(), r);
        List<SubjectInput> subjects = new ArrayList<>();
        for (CurriculumEntry e : curriculum.entries()) {
            if (e.grade() != a.grade()) continue;
            SubjectResult r = bySubject.get(e.subject());
            if (counts(e, r)) subjects.add(new SubjectInput(e, r));
        }
        List<TraitInput> traits = new ArrayList<>();
        for (CurriculumTrait t : curriculum.traits()) {
            if (t.grade() == a.grade()) traits.add(new TraitInput(t.trait(), byTrait.get(t.trait())));
        }
        return new RuleInputs(subjects, traits);
    }

    /** A subject counts unless the pupil is exempt, or it is optional and the pupil does not take it. */
    static boolean counts(CurriculumEntry e, SubjectResult r) {
        if (r != null && r.isExempt()) return false;
        return e.compulsory() || (r != null && !r.isBlank());
    }
}
