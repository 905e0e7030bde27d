/**
 * The rules of Thông tư 27/2020/TT-BGDĐT over the model: the curriculum of each grade as versioned data
 * ({@link vn.hocba.rules.CurriculumCatalog}), the checks a year record must pass
 * ({@link vn.hocba.rules.RecordValidator}, reporting {@link vn.hocba.rules.Problem}s in Vietnamese and English),
 * and the derivation of the year-end result with its consequences and the teacher's written override
 * ({@link vn.hocba.rules.YearResultRules}). All are DS services; {@link vn.hocba.rules.Scores} and
 * {@link vn.hocba.rules.Levels} parse import cells so every error code lives here.
 */
@Export
@Version("1.0.0")
package vn.hocba.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
