package vn.hocba.render.fop.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.hocba.model.Promotion;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.RecordState;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Sex;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearOutcome;
import vn.hocba.model.YearRecord;

/** Varied records as a school would print them, with full Vietnamese names (NFC). */
final class SampleRecords {

    static final School SCHOOL = new School("HP-AL-TH01", "Trường Tiểu học Thị trấn An Lão", "HP-AL", "HP");

    /** HOCBA.md §2: the subjects of each grade (NN1 optional in grades 1–2: taken here in grade 2 only). */
    static List<Subject> subjectsOfGrade(int grade) {
        return switch (grade) {
            case 1 -> List.of(Subject.TV, Subject.TOAN, Subject.DD, Subject.TNXH, Subject.GDTC, Subject.AN,
                    Subject.MT, Subject.HDTN);
            case 2 -> List.of(Subject.TV, Subject.TOAN, Subject.NN1, Subject.DD, Subject.TNXH, Subject.GDTC,
                    Subject.AN, Subject.MT, Subject.HDTN);
            case 3 -> List.of(Subject.TV, Subject.TOAN, Subject.NN1, Subject.DD, Subject.TNXH, Subject.THCN,
                    Subject.GDTC, Subject.AN, Subject.MT, Subject.HDTN);
            case 4, 5 -> List.of(Subject.TV, Subject.TOAN, Subject.NN1, Subject.DD, Subject.LSDL, Subject.KH,
                    Subject.THCN, Subject.GDTC, Subject.AN, Subject.MT, Subject.HDTN);
            default -> throw new IllegalArgumentException("grade " + grade);
        };
    }

    static boolean tested(Subject s, int grade) {
        return switch (s) {
            case TV, TOAN -> true;
            case NN1, THCN -> grade >= 3;
            case LSDL, KH -> grade >= 4;
            default -> false;
        };
    }

    static YearRecord grade1() {
        return record("HB-2024-000101", 1, "1A", "Nguyễn Thị Ánh Dương", Sex.FEMALE, LocalDate.of(2018, 3, 14),
                "Trần Thị Hồng Nhung", shortComments(1), YearEndResult.HOAN_THANH_TOT, false,
                List.of("Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện"));
    }

    static YearRecord grade3() {
        return record("HB-2024-000302", 3, "3A", "Lê Hoàng Phúc", Sex.MALE, LocalDate.of(2016, 9, 2),
                "Phạm Thị Thu Hường", shortComments(3), YearEndResult.HOAN_THANH, false, List.of());
    }

    static YearRecord grade5() {
        return record("HB-2024-000503", 5, "5B", "Đặng Quỳnh Như Ý", Sex.FEMALE, LocalDate.of(2014, 12, 24),
                "Vũ Đức Thắng", shortComments(5), YearEndResult.HOAN_THANH_XUAT_SAC, false,
                List.of("Học sinh Xuất sắc", "Giải Nhì Hội khỏe Phù Đổng cấp huyện"));
    }

    static YearRecord longComments() {
        String longText = "Em tiếp thu bài nhanh, tích cực phát biểu xây dựng bài, biết hợp tác với bạn trong nhóm "
                + "và thường xuyên giúp đỡ các bạn còn chậm; em đọc to, rõ ràng, diễn cảm, viết đúng chính tả, "
                + "chữ viết đều và đẹp, trình bày bài sạch sẽ; em vận dụng kiến thức đã học vào giải quyết các "
                + "tình huống thực tế ở nhà và ở trường rất hiệu quả, mạnh dạn trình bày ý kiến trước lớp, có ý "
                + "thức giữ gìn sách vở, đồ dùng học tập; cần tiếp tục rèn thêm kĩ năng trình bày bài toán có lời "
                + "văn và mở rộng vốn từ qua việc đọc thêm sách báo, truyện thiếu nhi phù hợp lứa tuổi.";
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < 11; i++) comments.add(longText);
        return record("HB-2024-000404", 4, "4C", "Hoàng Nguyễn Bảo Khuê", Sex.FEMALE, LocalDate.of(2015, 6, 30),
                "Ngô Thị Thanh Thủy", comments, YearEndResult.HOAN_THANH_TOT, true, List.of());
    }

    static YearRecord disabledNotAssessed() {
        int grade = 2;
        List<SubjectResult> subjects = new ArrayList<>();
        for (Subject s : subjectsOfGrade(grade)) {
            subjects.add(new SubjectResult(s, null, List.of(), s == Subject.TV ? "Em nhận biết được 15 chữ cái, "
                    + "tiến bộ theo kế hoạch giáo dục cá nhân." : "", ""));
        }
        List<TraitResult> traits = new ArrayList<>();
        for (Trait t : Trait.values()) traits.add(new TraitResult(t, null, ""));
        YearAssessment a = new YearAssessment(grade, true, subjects, traits, List.of(),
                "Em tham gia đầy đủ các hoạt động cùng lớp, mạnh dạn hơn trong giao tiếp.", false);
        YearOutcome outcome = new YearOutcome(null, false, false, false, Promotion.PROMOTED);
        return new YearRecord("HB-2024-000205", 1, RecordState.LOCKED, SCHOOL,
                new SchoolClass(SCHOOL.code(), new SchoolYear(2024), grade, "2D", "Đỗ Thị Lan Hương"),
                pupil("HS000205", "Trịnh Văn Khải", Sex.MALE, LocalDate.of(2017, 1, 9)),
                history(grade, "2D"), a, outcome, null, null, "An Lão", LocalDate.of(2025, 5, 26));
    }

    private static List<String> shortComments(int grade) {
        List<String> c = new ArrayList<>();
        for (Subject s : subjectsOfGrade(grade)) {
            c.add("Em học tốt môn " + s.label() + ", tích cực, tự tin khi trình bày.");
        }
        return c;
    }

    private static YearRecord record(String id, int grade, String className, String name, Sex sex, LocalDate born,
            String teacher, List<String> comments, YearEndResult result, boolean longTraitComments,
            List<String> awards) {
        List<Subject> subjectList = subjectsOfGrade(grade);
        List<SubjectResult> subjects = new ArrayList<>();
        for (int i = 0; i < subjectList.size(); i++) {
            Subject s = subjectList.get(i);
            Integer score = tested(s, grade) ? (result == YearEndResult.HOAN_THANH_XUAT_SAC ? 10 : 8 - (i % 2)) : null;
            SubjectLevel level = result == YearEndResult.HOAN_THANH ? SubjectLevel.HOAN_THANH
                    : SubjectLevel.HOAN_THANH_TOT;
            subjects.add(SubjectResult.of(s, level, score, comments.get(i % comments.size())));
        }
        if (grade == 3) { // a re-tested subject prints its last score
            subjects.set(1, new SubjectResult(Subject.TOAN, SubjectLevel.HOAN_THANH, List.of(4, 6),
                    "Em đã cố gắng, kiểm tra lại đạt yêu cầu.", ""));
        }
        List<TraitResult> traits = new ArrayList<>();
        for (Trait t : Trait.values()) {
            String c = longTraitComments ? comments.get(0) : "Em " + t.label().toLowerCase() + " tốt.";
            traits.add(new TraitResult(t, result == YearEndResult.HOAN_THANH ? TraitLevel.DAT : TraitLevel.TOT, c));
        }
        YearAssessment a = new YearAssessment(grade, false, subjects, traits, awards,
                "Em ngoan, lễ phép, chăm học.", false);
        YearOutcome outcome = new YearOutcome(result, result.completesGrade(), grade == 5 && result.completesGrade(),
                result == YearEndResult.HOAN_THANH_XUAT_SAC, Promotion.PROMOTED);
        return new YearRecord(id, 1, RecordState.LOCKED, SCHOOL,
                new SchoolClass(SCHOOL.code(), new SchoolYear(2024), grade, className, teacher),
                pupil("HS" + id.substring(id.length() - 6), name, sex, born), history(grade, className), a, outcome,
                null, null, "An Lão", LocalDate.of(2025, 5, 26));
    }

    private static PupilIdentity pupil(String code, String name, Sex sex, LocalDate born) {
        return new PupilIdentity(code, "031" + code.substring(code.length() - 6) + "123", name, sex, born, "Kinh",
                "Việt Nam", "Bệnh viện Phụ sản Hải Phòng", "Xã Quốc Tuấn, huyện An Lão, thành phố Hải Phòng",
                "Số 12, đường Nguyễn Văn Trỗi, thị trấn An Lão, huyện An Lão, thành phố Hải Phòng",
                "Nguyễn Văn Đức", "Phạm Thị Huyền Trang", "");
    }

    private static List<StudyHistoryEntry> history(int grade, String className) {
        List<StudyHistoryEntry> h = new ArrayList<>();
        for (int g = 1; g <= grade; g++) {
            h.add(new StudyHistoryEntry(new SchoolYear(2024 - grade + g), g, g + className.substring(1),
                    SCHOOL.code(), SCHOOL.name(), "ĐB-" + (120 + g), g == 1 ? LocalDate.of(2024 - grade + 1, 9, 5)
                            : null));
        }
        return h;
    }

    static List<YearRecord> all() {
        return List.of(grade1(), grade3(), grade5(), longComments(), disabledNotAssessed());
    }

    private SampleRecords() {}
}
