package vn.hocba.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A version of the primary programme: which subjects (and qualities/competencies) each grade has, from which
 * school year on. Past years keep the version they were assessed under, so a rule change never rewrites them.
 *
 * @param id        e.g. {@code GDPT2018}
 * @param validFrom the first school year this version applies to
 * @param entries   the subjects per grade, in the order the record prints them
 * @param traits    the qualities and competencies assessed per grade, in print order
 */
public record Curriculum(String id, String title, SchoolYear validFrom, List<CurriculumEntry> entries,
        List<CurriculumTrait> traits) {
    public Curriculum {
        id = Text.required(id, "curriculum.id");
        title = Text.orEmpty(title);
        entries = List.copyOf(entries);
        traits = traits == null ? everyTraitInEveryGradeOf(entries) : List.copyOf(traits);
    }

    /** A curriculum whose grades assess all 15 qualities and competencies. */
    public Curriculum(String id, String title, SchoolYear validFrom, List<CurriculumEntry> entries) {
        this(id, title, validFrom, entries, null);
    }

    /** The subjects of a grade, in the order the record prints them. */
    public List<CurriculumEntry> forGrade(int grade) {
        return entries.stream().filter(e -> e.grade() == grade).toList();
    }

    public Optional<CurriculumEntry> entry(int grade, Subject subject) {
        return entries.stream().filter(e -> e.grade() == grade && e.subject() == subject).findFirst();
    }

    /** The qualities and competencies assessed in a grade, in print order. */
    public List<Trait> traitsForGrade(int grade) {
        return traits.stream().filter(t -> t.grade() == grade).map(CurriculumTrait::trait).toList();
    }

    /** Whether this version has any subject for the grade (the 2018 programme reached grade 5 only in 2024-2025). */
    public boolean coversGrade(int grade) {
        return entries.stream().anyMatch(e -> e.grade() == grade);
    }

    private static List<CurriculumTrait> everyTraitInEveryGradeOf(List<CurriculumEntry> entries) {
        List<CurriculumTrait> all = new ArrayList<>();
        entries.stream().mapToInt(CurriculumEntry::grade).distinct().sorted().forEach(g -> {
            for (Trait t : Trait.values()) all.add(new CurriculumTrait(g, t));
        });
        return List.copyOf(all);
    }
}
