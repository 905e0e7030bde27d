package vn.hocba.assessment;

import vn.hocba.model.SchoolYear;
import vn.hocba.model.Text;

/**
 * A pull from an assessment source.
 *
 * @param className one class, or empty for every class the source holds for the year
 * @param sourceId  the source to use, or empty for the one configured for the school
 * @param dryRun    check and report only, write nothing
 */
public record SourceImportRequest(String schoolCode, SchoolYear year, String className, String sourceId,
        String actor, boolean dryRun) {
    public SourceImportRequest {
        schoolCode = Text.required(schoolCode, "schoolCode");
        if (year == null) throw new IllegalArgumentException("year is required");
        className = Text.orEmpty(className);
        sourceId = Text.orEmpty(sourceId);
        actor = Text.orEmpty(actor).isEmpty() ? "system:import" : Text.orEmpty(actor);
    }
}
