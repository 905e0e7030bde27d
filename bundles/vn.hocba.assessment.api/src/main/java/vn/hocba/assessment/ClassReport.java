package vn.hocba.assessment;

import java.util.List;

import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.Provenance;
import vn.hocba.model.SchoolYear;

/**
 * What the import did with one class.
 *
 * @param year       null when the rows' school year could not be read
 * @param grade      0 when unreadable
 * @param pupils     rows read for the class
 * @param written    records created or changed
 * @param unchanged  records already stored with this content
 * @param refused    pupils whose record is locked or signed
 * @param problems   every problem of the class's rows (errors and warnings), in row order
 * @param provenance where the class's data came from
 */
public record ClassReport(SchoolYear year, int grade, String className, ImportStatus status, int pupils,
        int written, int unchanged, List<RefusedPupil> refused, List<ImportProblem> problems,
        Provenance provenance) {
    public ClassReport {
        refused = List.copyOf(refused);
        problems = List.copyOf(problems);
    }

    public long errorCount() {
        return problems.stream().filter(ImportProblem::isError).count();
    }
}
