/**
 * The học bạ (digital primary-school record) of Thông tư 27/2020 as immutable records and enums.
 *
 * <p>A {@link vn.hocba.model.YearRecord} is one version of one pupil's page for one school year: the pupil's
 * identity and study history, the {@link vn.hocba.model.YearAssessment} a teacher entered (subject levels T/H/C
 * and test scores, quality/competency levels Tốt/Đạt/Cần cố gắng), the {@link vn.hocba.model.YearOutcome} the
 * TT27 rules derived from it, and where it is in its lifecycle ({@link vn.hocba.model.RecordState}).
 * Subject levels and quality/competency levels are distinct types: a letter alone never identifies a level.
 * Every enum has the Vietnamese label printed on the record and the code used in imports and exports.
 * Text is stored trimmed and in Unicode NFC.
 */
@Export
@Version("1.0.0")
package vn.hocba.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
