/**
 * Importing a class's year results into hocba: {@link vn.hocba.assessment.ImportService} reads a file (through an
 * {@link vn.hocba.assessment.spi.AssessmentFileReader}) or pulls from the school's configured
 * {@link vn.hocba.assessment.spi.AssessmentSource}, checks every row against the TT27 rules and the other rows,
 * stores each class all or nothing (records already locked or signed are refused with the reason), and answers an
 * {@link vn.hocba.assessment.ImportReport} listing every problem at once, located by sheet, row and column, in
 * Vietnamese and English. Importing the same input twice changes nothing the second time.
 */
@Export
@Version("1.0.0")
package vn.hocba.assessment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
