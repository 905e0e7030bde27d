package vn.hocba.assessment.spi;

import java.util.List;

/**
 * What a source or file reader answered: the pupils' rows (of one or more classes of one school), the problems that
 * concern the input as a whole (encoding, missing columns, an unreadable file), and the provenance.
 */
public record SourceBatch(Provenance provenance, List<PupilData> rows, List<ImportProblem> problems) {
    public SourceBatch {
        if (provenance == null) throw new IllegalArgumentException("provenance is required");
        rows = rows == null ? List.of() : List.copyOf(rows);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A batch that read nothing because of file-level problems. */
    public static SourceBatch refused(Provenance provenance, List<ImportProblem> problems) {
        return new SourceBatch(provenance, List.of(), problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ImportProblem::isError);
    }
}
