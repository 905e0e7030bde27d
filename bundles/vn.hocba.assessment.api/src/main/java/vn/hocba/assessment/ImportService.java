package vn.hocba.assessment;

import java.io.InputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;

/**
 * Imports assessment results into the store, one class at a time and all or nothing per class.
 *
 * <p>For every class of the input: every row is read and checked (the rules of the record, the school, duplicate
 * pupil codes, the class's grade and teacher); if any row has an error nothing of the class is written and the
 * report lists every problem; otherwise the class's records are written in one transaction. Records whose current
 * version is locked or signed are refused with the reason and the others are written. Same content, no change.
 */
@ProviderType
public interface ImportService {

    /**
     * Imports an uploaded file (.csv or .xlsx; hocba-csv v1 or a vendor layout). The stream is read up to the
     * configured size limit and not closed.
     */
    ImportReport importFile(ImportRequest request, InputStream content);

    /** Pulls classes from the school's assessment source (the configured one, or the one the request names). */
    ImportReport importFromSource(SourceImportRequest request);

    /** The classes the school's source holds for a year (the configured source, or {@code sourceId} if not empty). */
    List<SchoolClass> sourceClasses(String schoolCode, SchoolYear year, String sourceId);

    /** The ids of the sources registered now, and which one each configured school uses. */
    SourceStatus sources();
}
