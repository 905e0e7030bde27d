package vn.hocba.assessment.csv.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One sheet of a file as text: a .csv is one sheet without a name; an .xlsx sheet keeps its merged regions (a
 * heading over several columns) and which cells held formulas.
 */
final class Sheet {
    /** A merged region, 0-based and inclusive. */
    record Region(int firstRow, int lastRow, int firstCol, int lastCol) {
        boolean contains(int row, int col) {
            return row >= firstRow && row <= lastRow && col >= firstCol && col <= lastCol;
        }
    }

    private final String name;
    private final List<List<String>> rows;
    private final Map<Long, String> formulas;
    private final List<Region> merged;

    Sheet(String name, List<List<String>> rows, Map<Long, String> formulas, List<Region> merged) {
        this.name = name == null ? "" : name;
        this.rows = rows;
        this.formulas = formulas;
        this.merged = merged;
    }

    static Sheet ofRows(List<List<String>> rows) {
        return new Sheet("", rows, Map.of(), List.of());
    }

    String name() {
        return name;
    }

    int rowCount() {
        return rows.size();
    }

    List<String> row(int r) {
        return r < rows.size() ? rows.get(r) : List.of();
    }

    /** The text of a cell, empty when there is none; a merged region's value is read from its first cell. */
    String text(int row, int col) {
        for (Region m : merged) {
            if (m.contains(row, col)) return raw(m.firstRow(), m.firstCol());
        }
        return raw(row, col);
    }

    /** The text of a cell itself, without looking at merged regions. */
    String raw(int row, int col) {
        List<String> r = row(row);
        String v = col < r.size() ? r.get(col) : null;
        return v == null ? "" : v;
    }

    /** The formula the cell held (without {@code =}), or null. */
    String formula(int row, int col) {
        return formulas.get(key(row, col));
    }

    boolean isBlankRow(int row) {
        for (String v : row(row)) if (v != null && !v.isBlank()) return false;
        return true;
    }

    int width() {
        int w = 0;
        for (List<String> r : rows) w = Math.max(w, r.size());
        return w;
    }

    /** Every text of the sheet (for the encoding repair). */
    List<String> allTexts() {
        List<String> all = new ArrayList<>();
        for (List<String> r : rows) for (String v : r) if (v != null && !v.isEmpty()) all.add(v);
        return all;
    }

    /** The same sheet with every text mapped (the encoding repair). */
    Sheet mapTexts(UnaryOperator<String> f) {
        List<List<String>> out = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            List<String> nr = new ArrayList<>(r.size());
            for (String v : r) nr.add(v == null ? null : f.apply(v));
            out.add(nr);
        }
        return new Sheet(name, out, formulas, merged);
    }

    static long key(int row, int col) {
        return (long) row << 20 | col;
    }

    static Map<Long, String> newFormulaMap() {
        return new HashMap<>();
    }
}
