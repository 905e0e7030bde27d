package vn.hocba.assessment.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;

/**
 * A system that holds assessment results and lets hocba pull them: the host platform's gradebook, the demo school,
 * a folder of files. Register it as an OSGi service; which source a school uses is configuration
 * ({@code schoolSources} of {@code vn.hocba.assessment}), switchable at runtime.
 */
@ConsumerType
public interface AssessmentSource {

    /** The service property that carries {@link #id()}, so configurations and filters can name the source. */
    String ID_PROPERTY = "hocba.assessment.source";

    /** A short stable id, e.g. {@code demo}, {@code vnedu}, {@code folder}. */
    String id();

    /** A human title, e.g. "Dữ liệu mẫu (demo)". */
    default String title() {
        return id();
    }

    /**
     * The classes the source holds for a school and school year, by grade then name.
     *
     * @throws SourceException when the source cannot answer (down, not configured for that school)
     */
    List<SchoolClass> classes(String schoolCode, SchoolYear year);

    /**
     * The pupils and results of one class, with the provenance of what was read.
     *
     * @throws SourceException when the source cannot answer or has no such class
     */
    SourceBatch readClass(String schoolCode, SchoolYear year, String className);
}
