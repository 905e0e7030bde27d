package vn.hocba.export.moet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.hocba.export.Signatory;
import vn.hocba.model.FollowUp;
import vn.hocba.model.Promotion;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.RecordState;
import vn.hocba.model.ResultOverride;
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
import vn.hocba.signing.SignerRole;

/** Realistic year records of grade 3 with every field filled, varied by index; deterministic. */
public final class SampleRecords {

    public static final School SCHOOL_A = new School("HP-AL-TH01", "Trường Tiểu học An Lão", "HP-AL", "HP");
    public static final School SCHOOL_B = new School("HP-KT-TH02", "Trường Tiểu học Kiến Thụy", "HP-KT", "HP");

    private static final String[] NAMES = {"Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Dũng", "Phạm Thị Hương",
        "Vũ Đức Thắng", "Đặng Thị Thu Trang", "Bùi Quốc Việt", "Hoàng Thị Yến"};

    private SampleRecords() {}

    public static List<Signatory> signatories(School school) {
        return List.of(new Signatory(SignerRole.HOMEROOM_TEACHER, "Nguyễn Thị Hoa", ""),
                new Signatory(SignerRole.DEPUTY_PRINCIPAL, "Lê Thị Thu Hà", "Phó hiệu trưởng phụ trách chuyên môn"),
                new Signatory(SignerRole.SCHOOL_SEAL, school.name(), ""));
    }

    public static String recordId(School school, int i) {
        return school.code() + "-2024-" + String.format("%05d", i);
    }

    public static String pupilCode(int i) {
        return "HS" + String.format("%06d", i);
    }

    public static String personalId(int i) {
        return String.format("0312%08d", i);
    }

    /** Record {@code i} of grade 3, 2024-2025, issued. */
    public static YearRecord record(int i) {
        return record(SCHOOL_A, i, 3, new SchoolYear(2024), RecordState.ISSUED);
    }

    public static YearRecord record(School school, int i, int grade, SchoolYear year, RecordState state) {
        SchoolClass cls = new SchoolClass(school.code(), year, grade, grade + "A", "Nguyễn Thị Hoa");
        PupilIdentity pupil = new PupilIdentity(pupilCode(i), personalId(i), NAMES[i % NAMES.length] + " " + i,
                i % 2 == 0 ? Sex.MALE : Sex.FEMALE, LocalDate.of(2016 - (grade - 3), 1 + i % 12, 1 + i % 28), "Kinh",
                "Việt Nam", "Bệnh viện Phụ sản Hải Phòng", "xã Quốc Tuấn, huyện An Lão, Hải Phòng",
                "Thôn Đông, xã Quốc Tuấn, huyện An Lão", "Nguyễn Văn Cường", "Trần Thị Lụa",
                i % 5 == 0 ? "Nguyễn Thị Mận" : "");
        List<StudyHistoryEntry> history = new ArrayList<>();
        for (int g = 1; g <= grade; g++) {
            SchoolYear y = new SchoolYear(year.startYear() - (grade - g));
            history.add(new StudyHistoryEntry(y, g, g + "A", school.code(), school.name(), "ĐB-" + (100 + i),
                    g == 1 ? LocalDate.of(y.startYear(), 9, 5) : null));
        }
        boolean good = i % 3 != 0;
        List<SubjectResult> subjects = new ArrayList<>();
        subjects.add(SubjectResult.of(Subject.TV, good ? SubjectLevel.HOAN_THANH_TOT : SubjectLevel.HOAN_THANH,
                good ? 9 : 6, "Đọc to, rõ ràng; viết đúng chính tả."));
        SubjectResult toan = SubjectResult.of(Subject.TOAN, SubjectLevel.HOAN_THANH, 4, "Cần luyện thêm phép chia.");
        if (i % 7 == 0) toan = toan.withRetest(7);
        subjects.add(toan);
        subjects.add(SubjectResult.of(Subject.NN1, SubjectLevel.HOAN_THANH_TOT, 10, ""));
        subjects.add(SubjectResult.of(Subject.DD, SubjectLevel.HOAN_THANH_TOT, null, "Lễ phép với thầy cô."));
        subjects.add(SubjectResult.of(Subject.TNXH, SubjectLevel.HOAN_THANH, null, ""));
        subjects.add(SubjectResult.of(Subject.THCN, SubjectLevel.HOAN_THANH_TOT, 8, ""));
        subjects.add(i % 11 == 0 ? SubjectResult.exempt(Subject.GDTC, "Miễn theo chỉ định của bác sĩ")
                : SubjectResult.of(Subject.GDTC, SubjectLevel.HOAN_THANH, null, ""));
        subjects.add(SubjectResult.of(Subject.AN, SubjectLevel.HOAN_THANH, null, "Hát đúng giai điệu."));
        subjects.add(SubjectResult.of(Subject.MT, SubjectLevel.HOAN_THANH_TOT, null, ""));
        subjects.add(SubjectResult.of(Subject.HDTN, SubjectLevel.HOAN_THANH, null, ""));
        List<TraitResult> traits = new ArrayList<>();
        for (Trait t : Trait.values()) {
            TraitLevel level = t.ordinal() % 3 == 0 ? TraitLevel.TOT : t.ordinal() % 3 == 1 ? TraitLevel.DAT
                    : TraitLevel.CAN_CO_GANG;
            traits.add(new TraitResult(t, level, t.ordinal() % 4 == 0 ? "Em " + t.label().toLowerCase() + " tốt." : ""));
        }
        List<String> awards = i % 4 == 0 ? List.of("Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện",
                "Giải Ba Hội khỏe Phù Đổng cấp huyện") : List.of();
        YearAssessment assessment = new YearAssessment(grade, false, subjects, traits, awards,
                "Em ngoan, chăm chỉ, tích cực tham gia hoạt động của lớp.", i % 13 == 0);
        YearOutcome outcome = new YearOutcome(YearEndResult.HOAN_THANH, true, grade == 5, false, Promotion.PROMOTED,
                FollowUp.NONE);
        ResultOverride override = i % 6 == 1 ? new ResultOverride(YearEndResult.HOAN_THANH_TOT,
                "Hội đồng xét lại bài kiểm tra", "gv-hoa", Instant.parse("2025-05-20T03:00:00Z")) : null;
        YearRecord.Correction correction = i % 9 == 4 ? new YearRecord.Correction(1, "Sửa ngày sinh", "Trần Văn Bình")
                : null;
        return new YearRecord(recordId(school, i), correction == null ? 1 : 2, state, school, cls, pupil, history,
                assessment, outcome, override, correction, "An Lão", LocalDate.of(year.startYear() + 1, 5, 30));
    }
}
