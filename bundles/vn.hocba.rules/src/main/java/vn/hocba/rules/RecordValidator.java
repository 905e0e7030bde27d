package vn.hocba.rules;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearRecord;

/**
 * Checks a year record against the curriculum of its grade and school year (missing levels and scores, scores
 * where no test exists or outside 0–10, disabled-not-assessed pupils with levels, the personal id, …).
 * An empty list means the record may be stored; only {@link Severity#ERROR}s block it.
 */
@ProviderType
public interface RecordValidator {

    /** Every problem of the record: identity, class and grade, the assessment, and the awards given. */
    List<Problem> validate(YearRecord record);

    /** The problems of the assessment alone (before a record exists, e.g. while importing). */
    List<Problem> validate(SchoolYear year, YearAssessment assessment);
}
