package vn.hocba.assessment.spi;

import java.util.Objects;

import vn.hocba.rules.Problem;
import vn.hocba.rules.Severity;

/**
 * One problem of an import, located as the teacher sees the file, with a message in Vietnamese and English.
 *
 * @param code      an {@link ImportProblemCode} name, or a {@link vn.hocba.rules.ProblemCode} name for a rule the
 *                  row breaks
 * @param sheet     the sheet name of an .xlsx, empty otherwise
 * @param row       the spreadsheet row number, 0 for the file as a whole
 * @param column    the column letter, empty when the problem is not about one cell
 * @param header    the column heading in the file, may be empty
 * @param field     the hocba-csv v1 field the problem is about ({@code TOAN.score}), may be empty
 * @param value     the value found, may be empty
 */
public record ImportProblem(Severity severity, String code, String sheet, int row, String column, String header,
        String field, String value, String messageVi, String messageEn) {

    public ImportProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        sheet = sheet == null ? "" : sheet;
        column = column == null ? "" : column;
        header = header == null ? "" : header;
        field = field == null ? "" : field;
        value = value == null ? "" : value;
        Objects.requireNonNull(messageVi, "messageVi");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /** A problem of the file as a whole. */
    public static ImportProblem ofFile(ImportProblemCode code, String value, Object detail) {
        return new ImportProblem(code.severity(), code.name(), "", 0, "", "", "", value, code.vi(value, detail),
                code.en(value, detail));
    }

    /** A problem of one cell; the value shown is the cell's. */
    public static ImportProblem at(CellRef cell, String field, ImportProblemCode code, Object detail) {
        return new ImportProblem(code.severity(), code.name(), cell.sheet(), cell.row(), cell.column(), cell.header(),
                field, cell.value(), code.vi(cell.value(), detail), code.en(cell.value(), detail));
    }

    /** A rule the row breaks, pointed at the cell of the problem's field. */
    public static ImportProblem ofRule(Problem problem, CellRef cell) {
        return new ImportProblem(problem.severity(), problem.code().name(), cell.sheet(), cell.row(), cell.column(),
                cell.header(), problem.field(), cell.value(), problem.messageVi(), problem.messageEn());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "Trang 'Lớp 3A', dòng 12, cột F (Toán / Điểm KTĐK): …" for a log or a console. */
    public String describeVi() {
        return where("Trang", "dòng", "cột") + messageVi;
    }

    public String describeEn() {
        return where("Sheet", "row", "column") + messageEn;
    }

    private String where(String sheetWord, String rowWord, String columnWord) {
        StringBuilder sb = new StringBuilder();
        if (!sheet.isEmpty()) sb.append(sheetWord).append(" '").append(sheet).append("', ");
        if (row > 0) sb.append(rowWord).append(' ').append(row).append(", ");
        if (!column.isEmpty() || !header.isEmpty()) {
            sb.append(columnWord).append(' ').append(column);
            if (!header.isEmpty()) sb.append(column.isEmpty() ? "" : " ").append('(').append(header).append(')');
            sb.append(", ");
        }
        if (sb.length() > 0) {
            sb.setLength(sb.length() - 2);
            sb.append(": ");
        }
        return sb.toString();
    }
}
