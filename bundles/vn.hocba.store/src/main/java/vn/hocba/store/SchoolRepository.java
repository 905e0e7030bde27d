package vn.hocba.store;

import java.util.List;
import java.util.Optional;

import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;

/** Schools of the installation and their classes. */
public interface SchoolRepository {

    /** Registers a school or updates its name and offices (the code never changes). Installation-level. */
    School saveSchool(School school);

    /** Every school of the installation, by code (for the district and province views). Installation-level. */
    List<School> schools();

    Optional<School> school(SchoolScope scope);

    /**
     * Creates or updates a class of the scope's school.
     *
     * @throws ScopeException    if the class names another school
     * @throws NotFoundException if the school is not registered
     */
    SchoolClass saveClass(SchoolScope scope, SchoolClass schoolClass);

    /** The classes of a school year, by grade then name. */
    List<SchoolClass> classes(SchoolScope scope, SchoolYear year);

    Optional<SchoolClass> schoolClass(SchoolScope scope, SchoolYear year, String className);
}
