package vn.hocba.model;

import java.util.List;
import java.util.Optional;

/**
 * A version of the primary programme: which subjects each grade has, from which school year on.
 * Past years keep the version they were assessed under, so a rule change never rewrites them.
 *
 * @param id        e.g. {@code GDPT2018}
 * @param validFrom the first school year this version applies to
 */
public record Curriculum(String id, String title, SchoolYear validFrom, List<CurriculumEntry> entries) {
    public Curriculum {
        id = Text.required(id, "curriculum.id");
        title = Text.orEmpty(title);
        entries = List.copyOf(entries);
    }

    /** The subjects of a grade, in the order the record prints them. */
    public List<CurriculumEntry> forGrade(int grade) {
        return entries.stream().filter(e -> e.grade() == grade).toList();
    }

    public Optional<CurriculumEntry> entry(int grade, Subject subject) {
        return entries.stream().filter(e -> e.grade() == grade && e.subject() == subject).findFirst();
    }
}
