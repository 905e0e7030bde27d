package vn.hocba.assessment.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportRequest;
import vn.hocba.assessment.ImportStatus;
import vn.hocba.assessment.spi.CellRef;
import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.model.RecordState;

/** Every kind of bad file gets the expected error, located, with nothing of the class written. */
class MalformedFilesTest {
    private final Imports in = new Imports();
    private final Fixture f = Fixture.load();

    private ImportProblem only(ImportReport r, String code) {
        List<ImportProblem> found = r.allProblems().stream().filter(p -> p.code().equals(code)).toList();
        assertEquals(1, found.size(), code + " in " + r.toJson());
        return found.get(0);
    }

    private void nothingWritten(ImportReport r) {
        assertEquals(ImportStatus.REJECTED, r.status(), r.toJson());
        assertEquals(0, in.writes(), "no partial write");
        assertTrue(in.stored().isEmpty());
    }

    private String letter(String column) {
        return CellRef.columnLetter(f.column(column));
    }

    @Test
    void aFileInAnEncodingThatCannotBeToldIsRefused() {
        byte[] french = ("school_code,full_name\nHP-AL-TH01,Françoise Müller\nHP-AL-TH01,Jérôme Brûlé à Orléans\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ImportReport r = in.file("eleves.csv", french);
        ImportProblem p = only(r, "ENCODING_UNKNOWN");
        assertTrue(p.messageVi().contains("UTF-8"), p.messageVi());
        assertTrue(p.messageEn().contains("cannot be told"), p.messageEn());
        nothingWritten(r);
    }

    @Test
    void missingColumnsAreNamed() {
        ImportReport r = in.file("thieu-cot.csv", f.withoutColumn("pupil_code").withoutColumn("PC.YN.level").csvBytes());
        List<String> missing = r.problems().stream().filter(p -> p.code().equals("COLUMN_MISSING"))
                .map(ImportProblem::messageEn).toList();
        assertEquals(2, missing.size(), r.toJson());
        assertTrue(missing.get(0).contains("pupil_code"), missing.toString());
        assertTrue(missing.get(1).contains("PC.YN.level"), missing.toString());
        nothingWritten(r);
    }

    @Test
    void badLevelsAreLocatedWithTheValueFound() {
        ImportReport r = in.file("muc.csv", f.with(0, "TV.level", "X").with(2, "PC.YN.level", "H").csvBytes());
        ImportProblem unknown = only(r, "LEVEL_UNKNOWN");
        assertEquals(2, unknown.row());
        assertEquals(letter("TV.level"), unknown.column());
        assertEquals("TV.level", unknown.header());
        assertEquals("X", unknown.value());
        ImportProblem wrongScale = only(r, "LEVEL_WRONG_SCALE");
        assertEquals(4, wrongScale.row());
        assertEquals("H", wrongScale.value());
        assertTrue(wrongScale.messageVi().contains("phẩm chất"), wrongScale.messageVi());
        nothingWritten(r);
    }

    @Test
    void scoresMustBeWholeNumbersFromZeroToTen() {
        ImportReport r = in.file("diem.csv", f.with(1, "TOAN.score", "7.5").with(5, "TV.score", "11").csvBytes());
        ImportProblem decimal = only(r, "SCORE_NOT_INTEGER");
        assertEquals(3, decimal.row());
        assertEquals(letter("TOAN.score"), decimal.column());
        assertEquals("7.5", decimal.value());
        ImportProblem tooHigh = only(r, "SCORE_OUT_OF_RANGE");
        assertEquals(7, tooHigh.row());
        assertEquals("11", tooHigh.value());
        assertTrue(tooHigh.messageVi().contains("0–10"), tooHigh.messageVi());
        nothingWritten(r);
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnce() {
        ImportReport r = in.file("nhieu-loi.csv", f.with(0, "TOAN.score", "7.5").with(3, "sex", "X")
                .with(4, "date_of_birth", "31/02/2016").with(6, "DD.level", "").with(7, "grade", "3").csvBytes());
        assertEquals(List.of("SCORE_NOT_INTEGER@2", "SEX_INVALID@5", "DATE_INVALID@6", "MISSING_LEVEL@8"),
                r.allProblems().stream().filter(ImportProblem::isError).map(p -> p.code() + "@" + p.row()).toList());
        nothingWritten(r);
    }

    @Test
    void aDuplicatePupilCodeIsAnErrorOnBothRows() {
        ImportReport r = in.file("trung.csv", f.with(3, "pupil_code", f.get(0, "pupil_code")).csvBytes());
        List<ImportProblem> dup = r.allProblems().stream().filter(p -> p.code().equals("PUPIL_DUPLICATE")).toList();
        assertEquals(List.of(2, 5), dup.stream().map(ImportProblem::row).toList());
        assertTrue(dup.get(0).messageVi().contains("2, 5"), dup.get(0).messageVi());
        nothingWritten(r);
    }

    @Test
    void aRowOfAnotherSchoolIsRefused() {
        ImportReport r = in.file("truong-khac.csv", f.with(6, "school_code", "HP-AL-TH07").csvBytes());
        ImportProblem p = only(r, "SCHOOL_OTHER");
        assertEquals(8, p.row());
        assertEquals("HP-AL-TH07", p.value());
        assertEquals(letter("school_code"), p.column());
        nothingWritten(r);
    }

    @Test
    void emptyFilesAreRefused() {
        ImportReport empty = in.file("rong.csv", new byte[0]);
        only(empty, "FILE_EMPTY");
        nothingWritten(empty);
        only(in.file("trang.csv", " \r\n \r\n".getBytes(StandardCharsets.UTF_8)), "FILE_EMPTY");
        only(in.file("bom.csv", new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }), "FILE_EMPTY");
        ImportReport headerOnly = in.file("tieu-de.csv", (String.join(",", f.header) + "\r\n").getBytes(StandardCharsets.UTF_8));
        only(headerOnly, "NO_ROWS");
        nothingWritten(headerOnly);
    }

    @Test
    void aFiftyMegabyteFileIsRefusedUnreadPastTheLimit() {
        long size = 50L << 20;
        byte[] line = ("HP-AL-TH01,Trường Tiểu học An Thắng,2024-2025,3,3A,Phạm Thị Lan,X,,Nguyễn Văn A,Nam,"
                + "2016-01-01\r\n").getBytes(StandardCharsets.UTF_8);
        long[] served = { 0 };
        InputStream fifty = new InputStream() {
            @Override
            public int read() {
                return served[0] < size ? line[(int) (served[0]++ % line.length)] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served[0] >= size) return -1;
                int n = (int) Math.min(len, size - served[0]);
                for (int i = 0; i < n; i++) b[off + i] = line[(int) ((served[0] + i) % line.length)];
                served[0] += n;
                return n;
            }
        };
        ImportReport r = in.t.service.importFile(ImportRequest.of(Fixture.SCHOOL, "ca-truong.csv", "tester"), fifty);
        ImportProblem p = only(r, "FILE_TOO_LARGE");
        assertTrue(p.messageVi().contains("20 MB"), p.messageVi());
        assertTrue(served[0] < 21L << 20, "read stopped at the limit, not at 50 MB: " + served[0]);
        nothingWritten(r);
    }

    @Test
    void aZipBombDisguisedAsXlsxIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 120; i++) zip.write(zeros); // 120 MB of zeros packs into about 120 KB
            zip.closeEntry();
        }
        assertTrue(bytes.size() < 1 << 20, "small on the wire: " + bytes.size());
        ImportReport r = in.file("bang-diem.xlsx", bytes.toByteArray());
        ImportProblem p = only(r, "ZIP_BOMB");
        assertTrue(p.messageEn().contains("sheet1.xml"), p.messageEn());
        nothingWritten(r);
    }

    @Test
    void aFileNamedXlsxThatIsNotOneIsRefused() {
        ImportReport r = in.file("bang-diem.xlsx", f.csvBytes());
        only(r, "XLSX_UNREADABLE");
        nothingWritten(r);
        ImportReport broken = in.file("hong.xlsx", java.util.Arrays.copyOf(f.xlsx(), 3000));
        assertTrue(broken.problems().get(0).code().matches("XLSX_UNREADABLE|ZIP_BOMB"), broken.toJson());
        nothingWritten(broken);
    }

    @Test
    void formulaCellsWhereValuesMatterAreRefused() throws IOException {
        byte[] plain = f.xlsx();
        byte[] withFormula;
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(plain));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.getSheetAt(0);
            s.getRow(3).getCell(f.column("TOAN.score")).setCellFormula("4+5");
            s.getRow(3).createCell(f.header.size() + 1).setCellFormula("1+1"); // a column nobody reads
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            withFormula = out.toByteArray();
        }
        ImportReport r = in.file("cong-thuc.xlsx", withFormula);
        ImportProblem p = only(r, "FORMULA_CELL");
        assertEquals(4, p.row());
        assertEquals(letter("TOAN.score"), p.column());
        assertEquals("=4+5", p.value());
        assertTrue(p.messageVi().contains("Paste Special"), p.messageVi());
        nothingWritten(r);
    }

    @Test
    void lockedRecordsAreRefusedWithTheReasonAndTheOthersStored() {
        in.file(Fixture.FILE, Fixture.bytes());
        in.t.store.setState(Fixture.SCHOOL, "HB-" + f.get(2, "pupil_code") + "-2024-2025", RecordState.LOCKED);
        in.t.store.setState(Fixture.SCHOOL, "HB-" + f.get(5, "pupil_code") + "-2024-2025", RecordState.PRINCIPAL_SIGNED);
        Fixture corrected = f.copy();
        for (int i = 0; i < corrected.rows.size(); i++) corrected = corrected.with(i, "general_comment", "Ngoan, lễ phép.");
        ImportReport r = in.file("lop-3a-sua.csv", corrected.csvBytes());
        assertEquals(ImportStatus.PARTIAL, r.status(), r.toJson());
        assertEquals(6, r.written());
        List<Integer> refusedRows = new ArrayList<>();
        for (ImportProblem p : r.allProblems()) if (p.code().equals("RECORD_NOT_DRAFT")) refusedRows.add(p.row());
        assertEquals(List.of(4, 7), refusedRows);
        assertTrue(r.classes().get(0).refused().get(1).messageVi().contains("Hiệu trưởng đã ký"),
                r.classes().get(0).refused().get(1).messageVi());
        assertEquals("Chăm ngoan, tích cực tham gia hoạt động của lớp.",
                in.stored().get("HB-" + f.get(2, "pupil_code") + "-2024-2025").assessment().generalComment());
    }
}
