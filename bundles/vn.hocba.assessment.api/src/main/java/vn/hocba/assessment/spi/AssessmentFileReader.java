package vn.hocba.assessment.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads an uploaded file of results (hocba-csv v1 in .csv or .xlsx, a vendor layout through a mapping profile).
 * The import service has already refused empty and oversized files; a reader refuses what it cannot read (an
 * unknown encoding, a zip bomb) as problems of the batch, never by storing guessed text.
 */
@ConsumerType
public interface AssessmentFileReader {

    /** A short stable id, e.g. {@code hocba-csv}. */
    String id();

    /** Whether this reader reads that file (by name, media type and first bytes). */
    boolean accepts(FileInput file);

    /**
     * Every row of the file and every problem found reading it, at once.
     *
     * @return a batch whose provenance names this reader and the file
     */
    SourceBatch read(FileInput file, ReadContext context);
}
