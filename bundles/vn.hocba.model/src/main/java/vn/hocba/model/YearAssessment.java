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
}
