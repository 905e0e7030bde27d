package vn.hocba.assessment.csv.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The shared sample class (lop-3a-2024-2025.csv, a copy of shared/fixtures) as rows, to change one cell at a time
 * and to write as .csv or as the same columns on the first sheet of an .xlsx.
 */
final class Fixture {
    static final String SCHOOL = "HP-AL-TH01";
    static final String FILE = "lop-3a-2024-2025.csv";

    final List<String> header;
    final List<List<String>> rows;

    private Fixture(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    static byte[] bytes() {
        try (InputStream in = Fixture.class.getResourceAsStream("/vn/hocba/assessment/csv/" + FILE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixture load() {
        List<List<String>> all = CsvParser.parse(new String(bytes(), StandardCharsets.UTF_8));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : all.subList(1, all.size())) rows.add(new ArrayList<>(r));
        return new Fixture(List.copyOf(all.get(0)), rows);
    }

    int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no column " + name);
        return i;
    }

    String get(int dataRow, String column) {
        return rows.get(dataRow).get(column(column));
    }

    /** A copy with one cell changed; {@code dataRow} 0 is the first pupil (spreadsheet row 2). */
    Fixture with(int dataRow, String column, String value) {
        Fixture f = copy();
        f.rows.get(dataRow).set(column(column), value);
        return f;
    }

    Fixture withoutColumn(String column) {
        int c = column(column);
        List<String> h = new ArrayList<>(header);
        h.remove(c);
        List<List<String>> rs = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> nr = new ArrayList<>(r);
            nr.remove(c);
            rs.add(nr);
        }
        return new Fixture(h, rs);
    }

    Fixture withRow(List<String> row) {
        Fixture f = copy();
        f.rows.add(new ArrayList<>(row));
        return f;
    }

    Fixture copy() {
        List<List<String>> rs = new ArrayList<>();
        for (List<String> r : rows) rs.add(new ArrayList<>(r));
        return new Fixture(header, rs);
    }

    String csv() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (List<String> r : rows) line(sb, r);
        return sb.toString();
    }

    byte[] csvBytes() {
        return csv().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            String v = cells.get(i);
            if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        sb.append("\r\n");
    }

    /**
     * The same columns on the first sheet of an .xlsx, typed as a spreadsheet holds them: scores and grades as
     * numbers, dates as date cells, the rest as text.
     */
    byte[] xlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("Lớp 3A");
            CreationHelper helper = wb.getCreationHelper();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("dd/mm/yyyy"));
            XSSFRow h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) h.createCell(c).setCellValue(header.get(c));
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                for (int c = 0; c < header.size(); c++) {
                    String name = header.get(c);
                    String v = rows.get(r).get(c);
                    if (v.isEmpty()) continue;
                    XSSFCell cell = row.createCell(c);
                    if ((name.endsWith(".score") || name.equals("grade")) && v.matches("-?\\d+(\\.\\d+)?")) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else if (name.equals("date_of_birth") || name.equals("admission_date")) {
                        cell.setCellValue(LocalDate.parse(v));
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
