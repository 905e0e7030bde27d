package vn.hocba.assessment.csv.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import vn.hocba.assessment.spi.CellRef;
import vn.hocba.assessment.spi.Fields;
import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.ImportProblemCode;
import vn.hocba.assessment.spi.ReadContext;
import vn.hocba.assessment.spi.RowRef;
import vn.hocba.model.Subject;
import vn.hocba.model.Trait;

/**
 * Reads sheets of a vendor layout through a {@link LayoutProfile}: the title block above the table gives the class,
 * year and teacher; one or two heading rows (a subject's name merged over "Mức đạt được | Điểm KTĐK | Nhận xét")
 * name the columns; the rows below, until the signature block, are the pupils. Values are turned into the canonical
 * spelling, while each problem still shows the cell as the file has it.
 */
final class ProfileLayout {
    /** How far down a sheet the profile's title is looked for. */
    private static final int DETECT_ROWS = 25;
    private static final String MIEN = "MIEN";

    private ProfileLayout() {}

    static boolean recognises(LayoutProfile p, Sheet sheet) {
        for (int r = 0; r < Math.min(DETECT_ROWS, sheet.rowCount()); r++) {
            for (String v : sheet.row(r)) if (v != null && p.detect.matcher(v).find()) return true;
        }
        return false;
    }

    static Table read(LayoutProfile p, List<Sheet> sheets, ReadContext context) {
        List<SourceRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> optional = new HashSet<>(p.fixed.keySet());
        optional.addAll(p.titleFields.keySet());
        for (Sheet sheet : p.allSheets ? sheets : sheets.subList(0, Math.min(1, sheets.size()))) {
            if (sheets.size() > 1 && !recognises(p, sheet) && sheetIsEmpty(sheet)) continue;
            readSheet(p, sheet, context, rows, problems);
        }
        return new Table(p.title, rows, problems, optional);
    }

    private static boolean sheetIsEmpty(Sheet sheet) {
        for (int r = 0; r < sheet.rowCount(); r++) if (!sheet.isBlankRow(r)) return false;
        return true;
    }

    private static void readSheet(LayoutProfile p, Sheet sheet, ReadContext context, List<SourceRow> rows,
            List<ImportProblem> problems) {
        int header = headerRow(p, sheet);
        if (header < 0) {
            problems.add(new ImportProblem(ImportProblemCode.HEADER_NOT_FOUND.severity(),
                    ImportProblemCode.HEADER_NOT_FOUND.name(), sheet.name(), 0, "", "", "", "",
                    ImportProblemCode.HEADER_NOT_FOUND.vi("", "STT, " + Fields.FULL_NAME),
                    ImportProblemCode.HEADER_NOT_FOUND.en("", "STT, " + Fields.FULL_NAME)));
            return;
        }
        Map<String, CellRef> titleCells = titleBlock(p, sheet, header);
        Map<Integer, String> fieldOfColumn = columns(p, sheet, header, problems);
        if (!fieldOfColumn.containsValue(Fields.FULL_NAME) && !fieldOfColumn.containsValue(Fields.PUPIL_CODE)) {
            problems.add(ImportProblem.ofFile(ImportProblemCode.COLUMN_MISSING, "", Fields.FULL_NAME));
        }
        for (String f : List.of(Fields.PUPIL_CODE, Fields.FULL_NAME)) {
            if (!fieldOfColumn.containsValue(f) && !p.fixed.containsKey(f)) {
                problems.add(new ImportProblem(ImportProblemCode.COLUMN_MISSING.severity(),
                        ImportProblemCode.COLUMN_MISSING.name(), sheet.name(), header + 1, "", "", f, "",
                        ImportProblemCode.COLUMN_MISSING.vi("", f), ImportProblemCode.COLUMN_MISSING.en("", f)));
            }
        }
        Map<Integer, String> headings = new HashMap<>();
        for (int c : fieldOfColumn.keySet()) headings.put(c, heading(sheet, header, p.headerRows, c));
        for (int r = header + p.headerRows; r < sheet.rowCount(); r++) {
            if (sheet.isBlankRow(r)) continue;
            if (isEnd(p, sheet, r)) break;
            SourceRow row = row(p, sheet, r, fieldOfColumn, titleCells, context, headings);
            if (p.skip != null && p.skip.matcher(row.value(Fields.FULL_NAME)).matches()) continue;
            rows.add(row);
        }
    }

    private static int headerRow(LayoutProfile p, Sheet sheet) {
        for (int r = 0; r < sheet.rowCount(); r++) {
            for (String v : sheet.row(r)) if (v != null && p.headerFirst.matcher(v.strip()).matches()) return r;
        }
        return -1;
    }

    private static Map<String, CellRef> titleBlock(LayoutProfile p, Sheet sheet, int header) {
        Map<String, CellRef> found = new LinkedHashMap<>();
        for (int r = 0; r < header; r++) {
            List<String> cells = sheet.row(r);
            for (int c = 0; c < cells.size(); c++) {
                String v = cells.get(c);
                if (v == null || v.isBlank()) continue;
                for (Map.Entry<String, java.util.regex.Pattern> e : p.titleFields.entrySet()) {
                    if (found.containsKey(e.getKey())) continue;
                    Matcher m = e.getValue().matcher(v.strip());
                    if (m.find()) {
                        found.put(e.getKey(), new CellRef(sheet.name(), r + 1, CellRef.columnLetter(c),
                                v.strip(), m.group(1).strip()));
                    }
                }
            }
        }
        return found;
    }

    /** Which field each column holds, from the heading rows (a group heading merged over its sub-headings). */
    private static Map<Integer, String> columns(LayoutProfile p, Sheet sheet, int header, List<ImportProblem> problems) {
        Map<Integer, String> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        int width = sheet.width();
        for (int c = 0; c < width; c++) {
            String top = LayoutProfile.normalise(sheet.text(header, c));
            String sub = p.headerRows > 1 ? LayoutProfile.normalise(sheet.text(header + 1, c)) : "";
            if (top.isEmpty() && sub.isEmpty()) continue;
            String field = field(p, top, sub);
            String heading = heading(sheet, header, p.headerRows, c);
            CellRef at = new CellRef(sheet.name(), header + 1, CellRef.columnLetter(c), heading, heading);
            if (field == null) {
                if (!p.ignored.contains(top) && !p.ignored.contains(sub)) {
                    problems.add(ImportProblem.at(at, "", ImportProblemCode.COLUMN_UNKNOWN, ""));
                }
            } else if (!seen.add(field)) {
                problems.add(ImportProblem.at(at, field, ImportProblemCode.COLUMN_DUPLICATE, ""));
            } else {
                out.put(c, field);
            }
        }
        return out;
    }

    private static String field(LayoutProfile p, String top, String sub) {
        Subject s = p.subjects.get(top);
        if (s != null && p.parts.containsKey(sub)) {
            return s.nationalCode() + "." + p.parts.get(sub);
        }
        if (p.traitGroups.contains(top)) {
            Trait t = p.traits.get(sub);
            if (t != null) return Fields.level(t);
        }
        String f = p.columns.get(top);
        if (f != null && (sub.isEmpty() || sub.equals(top) || !p.columns.containsKey(sub))) return f;
        return sub.isEmpty() ? null : p.columns.get(sub);
    }

    private static String heading(Sheet sheet, int header, int headerRows, int c) {
        String top = sheet.text(header, c).strip().replaceAll("\\s+", " ");
        String sub = headerRows > 1 ? sheet.text(header + 1, c).strip().replaceAll("\\s+", " ") : "";
        return sub.isEmpty() || sub.equals(top) ? top : top + " / " + sub;
    }

    private static boolean isEnd(LayoutProfile p, Sheet sheet, int r) {
        if (p.end == null) return false;
        for (String v : sheet.row(r)) if (v != null && p.end.matcher(v.strip()).find()) return true;
        return false;
    }

    private static SourceRow row(LayoutProfile p, Sheet sheet, int r, Map<Integer, String> fieldOfColumn,
            Map<String, CellRef> titleCells, ReadContext context, Map<Integer, String> headings) {
        Map<String, String> values = new HashMap<>();
        Map<String, CellRef> cells = new HashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : p.fixed.entrySet()) {
            String v = e.getValue().replace("${school.code}", context.schoolCode())
                    .replace("${school.name}", context.schoolName());
            values.put(e.getKey(), v);
        }
        for (Map.Entry<String, CellRef> e : titleCells.entrySet()) {
            values.put(e.getKey(), e.getValue().value());
            cells.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<Integer, String> e : fieldOfColumn.entrySet()) {
            int c = e.getKey();
            String field = e.getValue();
            String raw = sheet.raw(r, c).strip();
            CellRef at = new CellRef(sheet.name(), r + 1, CellRef.columnLetter(c), headings.get(c), raw);
            cells.put(field, at);
            String formula = sheet.formula(r, c);
            if (formula != null) {
                problems.add(ImportProblem.at(new CellRef(at.sheet(), at.row(), at.column(), at.header(),
                        "=" + formula), field, ImportProblemCode.FORMULA_CELL, ""));
            }
            String value = raw.isEmpty() ? p.defaults.getOrDefault(field, "") : canonical(p, field, raw);
            if (value.equals(MIEN) && field.endsWith(".level")) {
                values.put(field.substring(0, field.length() - ".level".length()) + ".exempt", "1");
                value = "";
            }
            values.put(field, value);
        }
        for (Map.Entry<String, String> d : p.defaults.entrySet()) values.putIfAbsent(d.getKey(), d.getValue());
        return new SourceRow(new RowRef(sheet.name(), r + 1), values, cells, problems);
    }

    private static String canonical(LayoutProfile p, String field, String value) {
        if (field.endsWith(".level")) {
            boolean subject = false;
            for (Subject s : Subject.values()) if (field.equals(Fields.level(s))) subject = true;
            return p.canonicalValue(subject ? "subject" : "trait", value);
        }
        if (field.equals(Fields.RESULT)) return p.canonicalValue("result", value);
        if (field.equals(Fields.SEX)) return p.canonicalValue("sex", value);
        if (field.equals(Fields.DISABLED_NOT_ASSESSED)) return p.canonicalValue("disabled", value);
        return value;
    }
}
