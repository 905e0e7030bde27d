/**
 * What an assessment source implements so hocba can import a class's year results from it.
 *
 * <p>An {@link vn.hocba.assessment.spi.AssessmentSource} is a system that holds the results (the host platform's
 * gradebook, a demo, a folder of files): it lists the classes of a school and year and reads the pupils and results
 * of one class. An {@link vn.hocba.assessment.spi.AssessmentFileReader} reads an uploaded file (hocba-csv v1 as .csv
 * or .xlsx, or a vendor layout mapped onto it). Both answer a {@link vn.hocba.assessment.spi.SourceBatch}: one row
 * per pupil, where each value came from, what was wrong reading it, and the provenance of the input (which source,
 * which file or system, when, the SHA-256 of the input). Checking the rows against the rules and storing them is the
 * import service's job, never the source's.
 */
@Export
@Version("1.0.0")
package vn.hocba.assessment.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
