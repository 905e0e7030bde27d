package vn.hocba.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything a teacher assessed about one pupil in one school year: the input of the TT27 rules.
 *
 * @param disabledNotAssessed khuyết tật không đánh giá: no levels or scores, the rule does not apply
 * @param supplementary       true when these results come from the supplementary assessment after summer
 * @param awards              khen thưởng, free text, in the order given
 */
public record YearAssessment(
        int grade,
        boolean disabledNotAssessed,
        List<SubjectResult> subjects,
        List<TraitResult> traits,
        List<String> awards,
        String generalComment,
        boolean supplementary) {

    public YearAssessment {
        if (grade < 1 || grade > 5) throw new IllegalArgumentException("grade must be 1 to 5: " + grade);
        subjects = List.copyOf(subjects);
        traits = List.copyOf(traits);
        awards = awards == null ? List.of() : List.copyOf(awards);
        generalComment = Text.orEmpty(generalComment);
    }

    public Optional<SubjectResult> subject(Subject subject) {
        return subjects.stream().filter(r -> r.subject() == subject).findFirst();
    }

    public Optional<TraitResult> trait(Trait trait) {
        return traits.stream().filter(r -> r.trait() == trait).findFirst();
    }

    /** A copy with one subject's result put in place of the existing one (or added). */
    public YearAssessment withSubject(SubjectResult result) {
        List<SubjectResult> all = new java.util.ArrayList<>(subjects);
        all.removeIf(r -> r.subject() == result.subject());
        all.add(result);
        return new YearAssessment(grade, disabledNotAssessed, all, traits, awards, generalComment, supplementary);
    }

    /** A copy with one quality's or competency's result put in place of the existing one (or added). */
    public YearAssessment withTrait(TraitResult result) {
        List<TraitResult> all = new java.util.ArrayList<>(traits);
        all.removeIf(r -> r.trait() == result.trait());
        all.add(result);
        return new YearAssessment(grade, disabledNotAssessed, subjects, all, awards, generalComment, supplementary);
    }

    /** A copy marked as the supplementary assessment after the summer (or not). */
    public YearAssessment asSupplementary(boolean isSupplementary) {
        return new YearAssessment(grade, disabledNotAssessed, subjects, traits, awards, generalComment,
                isSupplementary);
    }
}
