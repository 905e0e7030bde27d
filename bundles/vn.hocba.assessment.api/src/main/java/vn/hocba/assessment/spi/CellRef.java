package vn.hocba.assessment.spi;

/**
 * Where a value was read, as the teacher sees the file, and what was there.
 *
 * @param sheet  the sheet name of an .xlsx, empty for a .csv
 * @param row    the row number as a spreadsheet shows it (1-based), 0 when not from a file
 * @param column the column letter as a spreadsheet shows it ({@code A}, {@code AB}), empty when not from a file
 * @param header the column's heading in the file ({@code TOAN.score}, {@code Toán / Điểm KTĐK}), may be empty
 * @param value  the text found (after decoding and NFC), empty for an empty cell
 */
public record CellRef(String sheet, int row, String column, String header, String value) {
    public CellRef {
        sheet = sheet == null ? "" : sheet;
        column = column == null ? "" : column;
        header = header == null ? "" : header;
        value = value == null ? "" : value;
    }

    public RowRef rowRef() {
        return new RowRef(sheet, row);
    }

    /** The spreadsheet letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
    public static String columnLetter(int index) {
        StringBuilder sb = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) sb.insert(0, (char) ('A' + (n - 1) % 26));
        return sb.toString();
    }
}
