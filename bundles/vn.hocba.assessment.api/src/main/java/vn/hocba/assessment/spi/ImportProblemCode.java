package vn.hocba.assessment.spi;

import vn.hocba.rules.Severity;

/**
 * The problems of an import that are not rules of the record (those are {@link vn.hocba.rules.ProblemCode}s): the
 * file, its encoding, its columns, and the values of a row. In the templates {@code %1$s} is the value found and
 * {@code %2$s} a detail (a limit, a column, the rows involved).
 */
public enum ImportProblemCode {
    FILE_EMPTY(Severity.ERROR,
            "Tệp rỗng, không có dữ liệu nào.",
            "The file is empty: it holds no data."),
    FILE_TOO_LARGE(Severity.ERROR,
            "Tệp lớn hơn %2$s MB cho phép. Hãy tách tệp theo lớp rồi nhập lại.",
            "The file is larger than the %2$s MB allowed. Split it by class and import again."),
    FILE_TYPE_UNKNOWN(Severity.ERROR,
            "Không nhận ra loại tệp \"%1$s\": chỉ nhận tệp .csv hoặc .xlsx.",
            "The file \"%1$s\" is of an unknown type: only .csv and .xlsx files are accepted."),
    ENCODING_UNKNOWN(Severity.ERROR,
            "Không xác định được bảng mã chữ Việt của tệp (%2$s). Hãy mở tệp và lưu lại dưới dạng "
                    + "\"CSV UTF-8\" hoặc Excel (.xlsx), dùng phông Unicode.",
            "The Vietnamese character encoding of the file cannot be told (%2$s). Open the file and save it as "
                    + "\"CSV UTF-8\" or Excel (.xlsx), with a Unicode font."),
    TEXT_UNREADABLE(Severity.ERROR,
            "Không đọc được chữ tiếng Việt \"%1$s\" (bảng mã lạ). Hãy gõ lại ô này bằng phông Unicode.",
            "The Vietnamese text \"%1$s\" cannot be read (unknown encoding). Retype this cell in a Unicode font."),
    XLSX_UNREADABLE(Severity.ERROR,
            "Không đọc được tệp Excel: %2$s.",
            "The Excel file cannot be read: %2$s."),
    ZIP_BOMB(Severity.ERROR,
            "Tệp Excel bị từ chối vì nội dung giải nén bất thường (%2$s). Hãy lưu lại tệp bằng Excel rồi nhập lại.",
            "The Excel file is refused because its packed content is abnormal (%2$s). Save it again with Excel "
                    + "and import again."),
    FORMULA_CELL(Severity.ERROR,
            "Ô này chứa công thức (%1$s). Hãy sao chép cột rồi dán giá trị (Paste Special → Values) thay cho "
                    + "công thức.",
            "This cell holds a formula (%1$s). Copy the column and paste the values (Paste Special → Values) in "
                    + "place of the formula."),
    LAYOUT_UNKNOWN(Severity.ERROR,
            "Không nhận ra mẫu bảng: tiêu đề cột không theo mẫu hocba-csv v1 và không khớp mẫu bảng nào (%2$s).",
            "The layout is not recognised: the headings are not those of hocba-csv v1 and match no layout "
                    + "profile (%2$s)."),
    PROFILE_UNKNOWN(Severity.ERROR,
            "Không có mẫu bảng \"%1$s\". Các mẫu có: %2$s.",
            "There is no layout profile \"%1$s\". The profiles are: %2$s."),
    HEADER_NOT_FOUND(Severity.ERROR,
            "Không tìm thấy dòng tiêu đề của bảng (cần các cột %2$s).",
            "The heading row of the table is not found (it needs the columns %2$s)."),
    COLUMN_MISSING(Severity.ERROR,
            "Thiếu cột bắt buộc \"%2$s\".",
            "The required column \"%2$s\" is missing."),
    COLUMN_DUPLICATE(Severity.ERROR,
            "Cột \"%1$s\" có hai lần; chỉ được có một.",
            "The column \"%1$s\" appears twice; it may appear once."),
    COLUMN_UNKNOWN(Severity.WARNING,
            "Cột \"%1$s\" không thuộc mẫu nhập nên đã được bỏ qua.",
            "The column \"%1$s\" is not part of the import format and was ignored."),
    NO_ROWS(Severity.ERROR,
            "Tệp không có dòng học sinh nào.",
            "The file has no pupil rows."),
    VALUE_REQUIRED(Severity.ERROR,
            "Thiếu %2$s.",
            "%2$s is missing."),
    SCHOOL_OTHER(Severity.ERROR,
            "Dòng này thuộc trường \"%1$s\", không phải trường %2$s đang nhập. Không nhập dữ liệu của trường khác.",
            "This row belongs to school \"%1$s\", not to school %2$s being imported. Data of another school is "
                    + "never imported."),
    SCHOOL_YEAR_INVALID(Severity.ERROR,
            "\"%1$s\" không phải là năm học (ghi dạng 2024-2025).",
            "\"%1$s\" is not a school year (write it like 2024-2025)."),
    GRADE_INVALID(Severity.ERROR,
            "Khối \"%1$s\" không hợp lệ: phải là một số từ 1 đến 5.",
            "The grade \"%1$s\" is not valid: it must be a number from 1 to 5."),
    SEX_INVALID(Severity.ERROR,
            "Giới tính \"%1$s\" không hợp lệ: ghi Nam hoặc Nữ.",
            "The sex \"%1$s\" is not valid: write Nam or Nữ."),
    DATE_INVALID(Severity.ERROR,
            "Ngày \"%1$s\" không hợp lệ: ghi dạng 2016-06-13 hoặc 13/06/2016.",
            "The date \"%1$s\" is not valid: write it like 2016-06-13 or 13/06/2016."),
    FLAG_INVALID(Severity.ERROR,
            "\"%1$s\" không hợp lệ: ghi 1 nếu có, để trống hoặc 0 nếu không.",
            "\"%1$s\" is not valid: write 1 for yes, leave it empty or 0 for no."),
    PUPIL_DUPLICATE(Severity.ERROR,
            "Mã học sinh \"%1$s\" có ở nhiều dòng (%2$s); mỗi học sinh chỉ có một dòng.",
            "The pupil code \"%1$s\" is on several rows (%2$s); each pupil has one row."),
    CLASS_INCONSISTENT(Severity.ERROR,
            "Lớp %2$s ghi \"%1$s\" khác với các dòng khác của lớp.",
            "Class %2$s has \"%1$s\" here, unlike its other rows."),
    SCHOOL_UNKNOWN(Severity.ERROR,
            "Trường %1$s chưa được đăng ký và dữ liệu không ghi tên trường.",
            "School %1$s is not registered and the data does not name it."),
    SOURCE_UNKNOWN(Severity.ERROR,
            "Không có nguồn dữ liệu \"%1$s\" cho trường %2$s (kiểm tra cấu hình vn.hocba.assessment).",
            "There is no assessment source \"%1$s\" for school %2$s (check the configuration "
                    + "vn.hocba.assessment)."),
    SOURCE_FAILED(Severity.ERROR,
            "Nguồn dữ liệu \"%1$s\" báo lỗi: %2$s",
            "The assessment source \"%1$s\" failed: %2$s"),
    CLASS_NOT_FOUND(Severity.ERROR,
            "Nguồn dữ liệu không có lớp \"%1$s\" trong năm học %2$s.",
            "The source has no class \"%1$s\" in school year %2$s."),
    STORE_FAILED(Severity.ERROR,
            "Không lưu được lớp %1$s, không có gì của lớp này được lưu: %2$s",
            "Class %1$s could not be stored and nothing of it was: %2$s"),
    RECORD_NOT_DRAFT(Severity.ERROR,
            "%2$s",
            "%2$s");

    private final Severity severity;
    private final String templateVi;
    private final String templateEn;

    ImportProblemCode(Severity severity, String templateVi, String templateEn) {
        this.severity = severity;
        this.templateVi = templateVi;
        this.templateEn = templateEn;
    }

    public Severity severity() {
        return severity;
    }

    /** The Vietnamese message; a {@link Words} detail gives its Vietnamese words. */
    public String vi(Object value, Object detail) {
        return String.format(templateVi, str(value, true), str(detail, true));
    }

    /** The English message; a {@link Words} detail gives its English words. */
    public String en(Object value, Object detail) {
        return String.format(templateEn, str(value, false), str(detail, false));
    }

    private static String str(Object o, boolean vi) {
        if (o instanceof Words w) return vi ? w.vi() : w.en();
        return o == null ? "" : String.valueOf(o);
    }

    /** A detail said differently in the two languages, e.g. the name of a column. */
    public record Words(String vi, String en) {
        public Words {
            vi = vi == null ? "" : vi;
            en = en == null ? "" : en;
        }
    }
}
