package vn.hocba.store;

import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearAssessment;

/**
 * The live assessment data of one pupil in one school year (the gradebook input of a year record, before it is
 * frozen into a record version).
 */
public record StoredAssessment(SchoolYear year, String className, String pupilCode, YearAssessment assessment,
        long revision) {
}
