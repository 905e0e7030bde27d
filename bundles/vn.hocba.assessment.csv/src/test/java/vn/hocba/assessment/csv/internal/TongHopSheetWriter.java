package vn.hocba.assessment.csv.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.hocba.assessment.spi.PupilData;
import vn.hocba.assessment.spi.RowRef;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearEndResult;
import vn.hocba.rules.internal.ResourceCurriculumCatalog;
import vn.hocba.rules.internal.Tt27Rules;

/**
 * Writes the sample of the vendor layout "Bảng tổng hợp kết quả đánh giá giáo dục" as schools print it: a title
 * block (office, school, national motto, title, class, year, homeroom teacher), two heading rows with each subject
 * merged over "Mức đạt được | Điểm KTĐK | Nhận xét", levels spelled "HTT"/"Hoàn thành tốt" and "Tốt"/"Đạt", the
 * result the vendor computed, row numbers as formulas, and the signature block below. One sheet per class: 3A is
 * the shared sample class; 3B is the same results under other pupil codes and another teacher.
 *
 * <p>Run {@code main} to write {@code src/test/resources/vn/hocba/assessment/csv/tonghop-lop-3-2024-2025.xlsx}.
 */
public final class TongHopSheetWriter {
    static final String RESOURCE = "tonghop-lop-3-2024-2025.xlsx";

    /** A subject printed with its parts: level and comment, plus the score when it is tested in grade 3. */
    private record SubjectColumns(String code, String heading, boolean tested, boolean fullWords) {}

    private static final List<SubjectColumns> SUBJECTS = List.of(
            new SubjectColumns("TV", "Tiếng Việt", true, false),
            new SubjectColumns("TOAN", "Toán", true, false),
            new SubjectColumns("NN1", "Ngoại ngữ 1", true, false),
            new SubjectColumns("DD", "Đạo đức", false, true),
            new SubjectColumns("TNXH", "Tự nhiên và Xã hội", false, true),
            new SubjectColumns("THCN", "Tin học và Công nghệ", true, false),
            new SubjectColumns("GDTC", "Giáo dục thể chất", false, true),
            new SubjectColumns("AN", "Nghệ thuật (Âm nhạc)", false, true),
            new SubjectColumns("MT", "Nghệ thuật (Mĩ thuật)", false, true),
            new SubjectColumns("HDTN", "Hoạt động trải nghiệm", false, true));

    private static final List<List<String>> TRAIT_GROUPS = List.of(
            List.of("Phẩm chất chủ yếu", "PC.YN:Yêu nước", "PC.NA:Nhân ái", "PC.CC:Chăm chỉ", "PC.TT:Trung thực",
                    "PC.TN:Trách nhiệm"),
            List.of("Năng lực chung", "NLC.TCTH:Tự chủ và tự học", "NLC.GTHT:Giao tiếp và hợp tác",
                    "NLC.GQVD:Giải quyết vấn đề và sáng tạo"),
            List.of("Năng lực đặc thù", "NLDT.NN:Ngôn ngữ", "NLDT.TT:Tính toán", "NLDT.KH:Khoa học",
                    "NLDT.CN:Công nghệ", "NLDT.TH:Tin học", "NLDT.TM:Thẩm mĩ", "NLDT.TC:Thể chất"));

    private TongHopSheetWriter() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0]
                : "src/test/resources/vn/hocba/assessment/csv/" + RESOURCE);
        Files.write(out, write(Fixture.load()));
        System.out.println("wrote " + out.toAbsolutePath());
    }

    static byte[] write(Fixture f) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            sheet(wb, st, f, "3A", "Phạm Thị Lan", code -> code);
            sheet(wb, st, f, "3B", "Nguyễn Thị Hằng", code -> code.replace("202200", "202210"));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Styles {
        final CellStyle bold;
        final CellStyle title;
        final CellStyle head;
        final CellStyle cell;
        final CellStyle date;

        Styles(XSSFWorkbook wb) {
            XSSFFont b = wb.createFont();
            b.setBold(true);
            b.setFontName("Times New Roman");
            XSSFFont big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            big.setFontName("Times New Roman");
            bold = wb.createCellStyle();
            bold.setFont(b);
            bold.setAlignment(HorizontalAlignment.CENTER);
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            head = wb.createCellStyle();
            head.setFont(b);
            head.setAlignment(HorizontalAlignment.CENTER);
            head.setVerticalAlignment(VerticalAlignment.CENTER);
            head.setWrapText(true);
            borders(head);
            cell = wb.createCellStyle();
            borders(cell);
            date = wb.createCellStyle();
            borders(date);
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        }

        private static void borders(CellStyle s) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
    }

    private static void sheet(XSSFWorkbook wb, Styles st, Fixture f, String className, String teacher,
            UnaryOperator<String> pupilCode) {
        XSSFSheet s = wb.createSheet("Lớp " + className);
        int width = 6 + SUBJECTS.stream().mapToInt(x -> x.tested() ? 3 : 2).sum()
                + TRAIT_GROUPS.stream().mapToInt(g -> g.size() - 1).sum() + 4;
        text(s, 0, 0, "PHÒNG GD&ĐT AN LÃO", st.bold);
        merge(s, 0, 0, 0, 5);
        text(s, 0, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st.bold);
        merge(s, 0, 0, 12, 24);
        text(s, 1, 0, "TRƯỜNG TIỂU HỌC AN THẮNG", st.bold);
        merge(s, 1, 1, 0, 5);
        text(s, 1, 12, "Độc lập - Tự do - Hạnh phúc", st.bold);
        merge(s, 1, 1, 12, 24);
        text(s, 3, 0, "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC", st.title);
        merge(s, 3, 3, 0, width - 1);
        text(s, 4, 2, "Lớp: " + className, null);
        text(s, 4, 8, "Năm học: 2024-2025", null);
        text(s, 5, 2, "Giáo viên chủ nhiệm: " + teacher, null);

        int h = 7;
        int c = 0;
        for (String single : List.of("STT", "Mã học sinh", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc")) {
            head(s, st, h, c, single);
            head(s, st, h + 1, c, "");
            merge(s, h, h + 1, c, c);
            c++;
        }
        for (SubjectColumns sc : SUBJECTS) {
            int span = sc.tested() ? 3 : 2;
            head(s, st, h, c, sc.heading());
            for (int i = 1; i < span; i++) head(s, st, h, c + i, "");
            merge(s, h, h, c, c + span - 1);
            head(s, st, h + 1, c++, "Mức đạt được");
            if (sc.tested()) head(s, st, h + 1, c++, "Điểm KTĐK");
            head(s, st, h + 1, c++, "Nhận xét");
        }
        for (List<String> g : TRAIT_GROUPS) {
            head(s, st, h, c, g.get(0));
            for (int i = 2; i < g.size(); i++) head(s, st, h, c + i - 1, "");
            merge(s, h, h, c, c + g.size() - 2);
            for (String item : g.subList(1, g.size())) head(s, st, h + 1, c++, item.substring(item.indexOf(':') + 1));
        }
        for (String single : List.of("Nhận xét chung", "Khen thưởng", "Đánh giá kết quả giáo dục", "Ghi chú")) {
            head(s, st, h, c, single);
            head(s, st, h + 1, c, "");
            merge(s, h, h + 1, c, c);
            c++;
        }

        Tt27Rules rules = new Tt27Rules(new ResourceCurriculumCatalog());
        int r = h + 2;
        for (int p = 0; p < f.rows.size(); p++, r++) {
            XSSFRow row = s.createRow(r);
            int col = 0;
            XSSFCell stt = row.createCell(col++);
            stt.setCellStyle(st.cell);
            if (p == 0) stt.setCellValue(1);
            else stt.setCellFormula("A" + r + "+1"); // row numbers as schools' sheets compute them
            cell(row, col++, st.cell, pupilCode.apply(f.get(p, "pupil_code")));
            cell(row, col++, st.cell, f.get(p, "full_name"));
            XSSFCell born = row.createCell(col++);
            born.setCellValue(LocalDate.parse(f.get(p, "date_of_birth")));
            born.setCellStyle(st.date);
            cell(row, col++, st.cell, f.get(p, "sex"));
            cell(row, col++, st.cell, f.get(p, "ethnicity"));
            for (SubjectColumns sc : SUBJECTS) {
                cell(row, col++, st.cell, subjectLevel(f.get(p, sc.code() + ".level"), sc.fullWords()));
                if (sc.tested()) {
                    XSSFCell score = row.createCell(col++);
                    score.setCellStyle(st.cell);
                    score.setCellValue(Integer.parseInt(f.get(p, sc.code() + ".score")));
                }
                cell(row, col++, st.cell, f.get(p, sc.code() + ".comment"));
            }
            for (List<String> g : TRAIT_GROUPS) {
                for (String item : g.subList(1, g.size())) {
                    String level = f.get(p, item.substring(0, item.indexOf(':')) + ".level");
                    cell(row, col++, st.cell, level.equals("T") ? "Tốt" : level.equals("Đ") ? "Đạt" : "Cần cố gắng");
                }
            }
            cell(row, col++, st.cell, f.get(p, "general_comment"));
            cell(row, col++, st.cell, f.get(p, "awards"));
            cell(row, col++, st.cell, result(rules, f, p));
            cell(row, col++, st.cell, "");
        }
        r++;
        text(s, r++, 2, "Tổng số học sinh: " + f.rows.size(), null);
        text(s, r, 20, "An Thắng, ngày 25 tháng 5 năm 2025", null);
        r++;
        text(s, r, 2, "GIÁO VIÊN CHỦ NHIỆM", st.bold);
        text(s, r, 20, "HIỆU TRƯỞNG", st.bold);
        r += 4;
        text(s, r, 2, teacher, st.bold);
        text(s, r, 20, "Lê Văn Hùng", st.bold);
    }

    /** What the vendor printed as the result: the rules' own derivation of the row (a vendor that computes right). */
    private static String result(Tt27Rules rules, Fixture f, int p) {
        Map<String, String> values = new HashMap<>();
        for (int c = 0; c < f.header.size(); c++) values.put(f.header.get(c), f.rows.get(p).get(c));
        PupilData data = RowReader.read(new SourceRow(RowRef.NONE, values, Map.of(), List.of()), Set.of());
        YearEndResult result = rules.derive(SchoolYear.parse("2024-2025"), data.assessment()).outcome().result();
        return result.label();
    }

    private static String subjectLevel(String code, boolean fullWords) {
        return switch (code) {
            case "T" -> fullWords ? "Hoàn thành tốt" : "HTT";
            case "H" -> fullWords ? "Hoàn thành" : "HT";
            case "C" -> fullWords ? "Chưa hoàn thành" : "CHT";
            default -> code;
        };
    }

    private static void text(XSSFSheet s, int r, int c, String v, CellStyle style) {
        XSSFRow row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
        XSSFCell cell = row.createCell(c);
        cell.setCellValue(v);
        if (style != null) cell.setCellStyle(style);
    }

    private static void head(XSSFSheet s, Styles st, int r, int c, String v) {
        text(s, r, c, v, st.head);
    }

    private static void cell(XSSFRow row, int c, CellStyle style, String v) {
        XSSFCell cell = row.createCell(c);
        cell.setCellStyle(style);
        if (!v.isEmpty()) cell.setCellValue(v);
    }

    private static void merge(XSSFSheet s, int r1, int r2, int c1, int c2) {
        if (r1 != r2 || c1 != c2) s.addMergedRegion(new CellRangeAddress(r1, r2, c1, c2));
    }
}
