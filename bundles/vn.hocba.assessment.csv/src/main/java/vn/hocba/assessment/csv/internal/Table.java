package vn.hocba.assessment.csv.internal;

import java.util.List;
import java.util.Set;

import vn.hocba.assessment.spi.ImportProblem;

/**
 * The pupils' rows a layout found in a file, in canonical fields.
 *
 * @param format   what the layout is, for the provenance ({@code hocba-csv v1}, a profile's title)
 * @param optional required fields the layout fills itself or may leave empty (a vendor sheet has no school code)
 * @param problems problems of the layout as a whole (missing columns)
 */
record Table(String format, List<SourceRow> rows, List<ImportProblem> problems, Set<String> optional) {
}
