package vn.hocba.assessment.csv.internal;

import java.util.List;
import java.util.Map;

import vn.hocba.assessment.spi.CellRef;
import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.RowRef;

/**
 * One pupil's row in the canonical fields of hocba-csv v1, whatever the layout of the file.
 *
 * @param values   field → value in canonical spelling (a vendor's "HTT" already turned into "T")
 * @param cells    field → where it was read and what was there as the file has it
 * @param problems what the layout found wrong in the row (a formula in a cell)
 */
record SourceRow(RowRef at, Map<String, String> values, Map<String, CellRef> cells, List<ImportProblem> problems) {
    String value(String field) {
        String v = values.get(field);
        return v == null ? "" : v.strip();
    }

    CellRef cell(String field) {
        CellRef c = cells.get(field);
        return c != null ? c : new CellRef(at.sheet(), at.row(), "", field, "");
    }
}
