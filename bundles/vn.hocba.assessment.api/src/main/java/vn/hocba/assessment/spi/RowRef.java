package vn.hocba.assessment.spi;

/**
 * Where a pupil's row is, as the teacher sees the file.
 *
 * @param sheet the sheet name of an .xlsx, empty for a .csv or a system
 * @param row   the row number as a spreadsheet shows it (the header of a .csv is row 1), 0 when not from a file
 */
public record RowRef(String sheet, int row) {
    public RowRef {
        sheet = sheet == null ? "" : sheet;
    }

    public static final RowRef NONE = new RowRef("", 0);
}
