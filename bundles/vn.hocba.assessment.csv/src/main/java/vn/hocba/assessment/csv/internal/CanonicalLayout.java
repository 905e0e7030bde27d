package vn.hocba.assessment.csv.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.hocba.assessment.spi.CellRef;
import vn.hocba.assessment.spi.Fields;
import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.ImportProblemCode;
import vn.hocba.assessment.spi.RowRef;
import vn.hocba.model.Subject;
import vn.hocba.model.Trait;

/** hocba-csv v1: the first row names the columns (IMPORT-CSV.md), in any order; unknown columns are ignored. */
final class CanonicalLayout {
    /** Every column name of hocba-csv v1, keyed by its lower-case form. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();
    /** The columns a file must have. */
    static final Set<String> REQUIRED = new LinkedHashSet<>(Fields.REQUIRED);

    static {
        for (String f : Fields.REQUIRED) COLUMNS.put(f.toLowerCase(Locale.ROOT), f);
        for (String f : Fields.OPTIONAL) COLUMNS.put(f.toLowerCase(Locale.ROOT), f);
        for (Subject s : Subject.values()) {
            for (String f : List.of(Fields.level(s), Fields.score(s), Fields.comment(s), Fields.exempt(s))) {
                COLUMNS.put(f.toLowerCase(Locale.ROOT), f);
            }
        }
        for (Trait t : Trait.values()) {
            COLUMNS.put(Fields.level(t).toLowerCase(Locale.ROOT), Fields.level(t));
            COLUMNS.put(Fields.comment(t).toLowerCase(Locale.ROOT), Fields.comment(t));
            REQUIRED.add(Fields.level(t));
        }
    }

    private CanonicalLayout() {}

    /** Whether the sheet's first non-blank row is a hocba-csv v1 heading (it names the pupil and the class). */
    static boolean recognises(Sheet sheet) {
        int header = headerRow(sheet);
        if (header < 0) return false;
        int known = 0;
        for (String h : sheet.row(header)) {
            String f = h == null ? null : COLUMNS.get(h.strip().toLowerCase(Locale.ROOT));
            if (Fields.PUPIL_CODE.equals(f) || Fields.FULL_NAME.equals(f) || Fields.CLASS_NAME.equals(f)) known++;
        }
        return known >= 2;
    }

    static Table read(Sheet sheet, String format) {
        List<ImportProblem> problems = new ArrayList<>();
        int header = headerRow(sheet);
        List<String> heads = sheet.row(header);
        Map<Integer, String> fieldOfColumn = new HashMap<>();
        Map<String, Integer> columnOfField = new HashMap<>();
        for (int c = 0; c < heads.size(); c++) {
            String head = heads.get(c) == null ? "" : heads.get(c).strip();
            if (head.isEmpty()) continue;
            CellRef at = new CellRef(sheet.name(), header + 1, CellRef.columnLetter(c), head, head);
            String field = COLUMNS.get(head.toLowerCase(Locale.ROOT));
            if (field == null) {
                problems.add(ImportProblem.at(at, "", ImportProblemCode.COLUMN_UNKNOWN, ""));
            } else if (columnOfField.containsKey(field)) {
                problems.add(ImportProblem.at(at, field, ImportProblemCode.COLUMN_DUPLICATE, ""));
            } else {
                fieldOfColumn.put(c, field);
                columnOfField.put(field, c);
            }
        }
        for (String f : REQUIRED) {
            if (!columnOfField.containsKey(f)) {
                problems.add(ImportProblem.ofFile(ImportProblemCode.COLUMN_MISSING, "", f));
            }
        }
        List<SourceRow> rows = new ArrayList<>();
        for (int r = header + 1; r < sheet.rowCount(); r++) {
            if (sheet.isBlankRow(r)) continue;
            Map<String, String> values = new HashMap<>();
            Map<String, CellRef> cells = new HashMap<>();
            List<ImportProblem> rowProblems = new ArrayList<>();
            for (Map.Entry<Integer, String> e : fieldOfColumn.entrySet()) {
                int c = e.getKey();
                String value = sheet.raw(r, c).strip();
                CellRef at = new CellRef(sheet.name(), r + 1, CellRef.columnLetter(c), heads.get(c).strip(), value);
                values.put(e.getValue(), value);
                cells.put(e.getValue(), at);
                String formula = sheet.formula(r, c);
                if (formula != null) {
                    rowProblems.add(ImportProblem.at(new CellRef(at.sheet(), at.row(), at.column(), at.header(),
                            "=" + formula), e.getValue(), ImportProblemCode.FORMULA_CELL, ""));
                }
            }
            rows.add(new SourceRow(new RowRef(sheet.name(), r + 1), values, cells, rowProblems));
        }
        return new Table(format, rows, problems, Set.of());
    }

    private static int headerRow(Sheet sheet) {
        for (int r = 0; r < sheet.rowCount(); r++) if (!sheet.isBlankRow(r)) return r;
        return -1;
    }
}
