package vn.hocba.rules;

import java.util.NoSuchElementException;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import vn.hocba.model.Curriculum;
import vn.hocba.model.SchoolYear;

/**
 * The curriculum versions as data: which subjects and qualities each grade has in a given school year, and
 * which subjects are compulsory and tested. A past year always gets the version it was assessed under.
 */
@ProviderType
public interface CurriculumCatalog {

    /**
     * The curriculum of a school year, holding only the grades it covered that year (the 2018 programme reached
     * grade 1 in 2020-2021 and grade 5 in 2024-2025); empty when it covers none.
     */
    Optional<Curriculum> find(SchoolYear year);

    /** Like {@link #find} but for a year that must be covered. */
    default Curriculum forYear(SchoolYear year) {
        return find(year).orElseThrow(() -> new NoSuchElementException("no curriculum for school year " + year));
    }

    /** Whether a grade is covered in a school year. */
    default boolean covers(SchoolYear year, int grade) {
        return find(year).map(c -> c.coversGrade(grade)).orElse(false);
    }
}
