package vn.hocba.store;

import java.util.List;
import java.util.Optional;

import vn.hocba.model.PupilIdentity;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearAssessment;

/** Pupils of a school and their live (not yet frozen) assessment data. */
public interface PupilRepository {

    /**
     * Creates ({@code expectedRevision == 0}) or updates a pupil's identity.
     *
     * @throws ConflictException if the stored revision is not {@code expectedRevision}
     */
    StoredPupil savePupil(SchoolScope scope, PupilIdentity pupil, long expectedRevision);

    Optional<StoredPupil> pupil(SchoolScope scope, String pupilCode);

    /** All pupils of the school, by pupil code. */
    List<StoredPupil> pupils(SchoolScope scope);

    /**
     * Creates ({@code expectedRevision == 0}) or updates the assessment data of a pupil for a school year.
     *
     * @throws ConflictException if the stored revision is not {@code expectedRevision}
     */
    StoredAssessment saveAssessment(SchoolScope scope, SchoolYear year, String className, String pupilCode,
            YearAssessment assessment, long expectedRevision);

    Optional<StoredAssessment> assessment(SchoolScope scope, SchoolYear year, String pupilCode);

    /** The assessments of a class, by pupil code. */
    List<StoredAssessment> assessmentsOfClass(SchoolScope scope, SchoolYear year, String className);
}
