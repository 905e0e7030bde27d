package vn.hocba.assessment.csv.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the sheets of an .xlsx as text with Apache POI (embedded in this bundle). Numbers are written as a person
 * reads them (7, 7.5), date cells as {@code YYYY-MM-DD}; a cell that holds a formula keeps its formula so the layout
 * can refuse it where the value matters (a cached result may be stale, or absent when a program wrote the file).
 */
final class XlsxReader {
    /** Thrown when POI cannot read the workbook; the message says why. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private XlsxReader() {}

    /** POI's own zip-bomb guard, per entry, next to {@link ZipGuard}'s check of the whole archive. */
    static void limitPoi(ZipGuard.Limits limits) {
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
    }

    static List<Sheet> read(byte[] bytes) throws Unreadable {
        // XMLBeans finds its schema types through the context class loader: in OSGi that must be this bundle's
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(XlsxReader.class.getClassLoader());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<Sheet> sheets = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) continue;
                sheets.add(sheet(wb.getSheetAt(i)));
            }
            return sheets;
        } catch (Exception | LinkageError e) {
            throw new Unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Sheet sheet(XSSFSheet s) {
        List<List<String>> rows = new ArrayList<>();
        Map<Long, String> formulas = Sheet.newFormulaMap();
        for (int r = 0; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : text(cell, cell.getCellType()));
                    if (cell != null && cell.getCellType() == CellType.FORMULA) {
                        formulas.put(Sheet.key(r, c), cell.getCellFormula());
                    }
                }
            }
            rows.add(cells);
        }
        List<Sheet.Region> merged = new ArrayList<>();
        for (CellRangeAddress a : s.getMergedRegions()) {
            merged.add(new Sheet.Region(a.getFirstRow(), a.getLastRow(), a.getFirstColumn(), a.getLastColumn()));
        }
        return new Sheet(s.getSheetName(), rows, formulas, merged);
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : number(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "1" : "0";
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    /** 7.0 is "7", 7.5 is "7.5": what the teacher typed. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
