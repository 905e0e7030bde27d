package vn.hocba.assessment;

import java.util.List;
import java.util.stream.Stream;

import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.Provenance;

/**
 * The answer to an import: what happened to each class and every problem found, at once.
 *
 * @param schoolCode the school imported into
 * @param status     the outcome of the whole input
 * @param dryRun     true when nothing was written on purpose
 * @param provenance where the input came from (source, file, encoding, when, SHA-256)
 * @param classes    one report per class, by grade then name
 * @param problems   the problems of the input as a whole (the file, its encoding, its columns)
 */
public record ImportReport(String schoolCode, ImportStatus status, boolean dryRun, Provenance provenance,
        List<ClassReport> classes, List<ImportProblem> problems) {
    public ImportReport {
        classes = List.copyOf(classes);
        problems = List.copyOf(problems);
    }

    /** Every problem of the report: the input's, then each class's. */
    public List<ImportProblem> allProblems() {
        return Stream.concat(problems.stream(), classes.stream().flatMap(c -> c.problems().stream())).toList();
    }

    public long errorCount() {
        return allProblems().stream().filter(ImportProblem::isError).count();
    }

    public int written() {
        return classes.stream().mapToInt(ClassReport::written).sum();
    }

    /** The report as JSON (UTF-8 text; see {@link ImportReportJson} for the shape). */
    public String toJson() {
        return ImportReportJson.write(this);
    }
}
