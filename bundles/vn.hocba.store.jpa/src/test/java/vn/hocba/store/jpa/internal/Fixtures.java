package vn.hocba.store.jpa.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.hocba.model.FollowUp;
import vn.hocba.model.Promotion;
import vn.hocba.model.PupilIdentity;
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

/** Realistic year records with every part filled in (Vietnamese text, dates, re-tests, an override). */
final class Fixtures {
    static final SchoolYear YEAR = new SchoolYear(2024);

    private Fixtures() {
    }

    static School school(String code) {
        return new School(code, "Trường Tiểu học An Lão " + code, "HP-AL", "HP");
    }

    static SchoolClass schoolClass(String schoolCode, String name) {
        return new SchoolClass(schoolCode, YEAR, 3, name, "Nguyễn Thị Hương");
    }

    static PupilIdentity pupil(String code, int n) {
        return new PupilIdentity(code, String.format("031%09d", n), "Trần Văn Đức " + n, n % 2 == 0 ? Sex.FEMALE : Sex.MALE,
                LocalDate.of(2015, 1 + n % 12, 1 + n % 28), "Kinh", "Việt Nam", "Hải Phòng", "xã An Thắng, huyện An Lão",
                "Thôn Đồng Xuân, xã An Thắng", "Trần Văn Bình", "Lê Thị Hoa", "");
    }

    static YearRecord record(String schoolCode, String className, int n) {
        String pupilCode = schoolCode + "-HS" + n;
        SchoolClass cls = schoolClass(schoolCode, className);
        List<SubjectResult> subjects = new ArrayList<>();
        subjects.add(new SubjectResult(Subject.TV, SubjectLevel.HOAN_THANH_TOT, List.of(6, 9), "Đọc lưu loát, viết đẹp", ""));
        subjects.add(SubjectResult.of(Subject.TOAN, SubjectLevel.HOAN_THANH_TOT, 10, "Tính nhanh \"chính xác\"\nrất tốt"));
        subjects.add(SubjectResult.of(Subject.NN1, SubjectLevel.HOAN_THANH, 8, ""));
        subjects.add(SubjectResult.of(Subject.DD, SubjectLevel.HOAN_THANH_TOT, null, "Lễ phép"));
        subjects.add(SubjectResult.exempt(Subject.GDTC, "Miễn theo chỉ định của bác sĩ"));
        List<TraitResult> traits = new ArrayList<>();
        for (Trait t : Trait.values()) {
            traits.add(new TraitResult(t, t.ordinal() % 3 == 0 ? TraitLevel.DAT : TraitLevel.TOT, "Nhận xét " + t.label()));
        }
        YearAssessment assessment = new YearAssessment(3, false, subjects, traits,
                List.of("Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện", "Giải Ba Hội khỏe Phù Đổng"),
                "Em chăm ngoan, tiến bộ rõ rệt.", false);
        YearOutcome outcome = new YearOutcome(YearEndResult.HOAN_THANH_TOT, true, false, false, Promotion.PROMOTED,
                FollowUp.NONE);
        ResultOverride override = n % 5 == 0 ? new ResultOverride(YearEndResult.HOAN_THANH,
                "Điều chỉnh theo biên bản họp tổ", "gv.huong", Instant.parse("2025-05-20T08:15:30.123456789Z")) : null;
        List<StudyHistoryEntry> history = List.of(
                new StudyHistoryEntry(new SchoolYear(2022), 1, "1A", schoolCode, "Trường Tiểu học An Lão", "ĐB-" + n,
                        LocalDate.of(2022, 9, 5)),
                new StudyHistoryEntry(new SchoolYear(2023), 2, "2A", schoolCode, "Trường Tiểu học An Lão", "ĐB-" + n, null));
        return new YearRecord(schoolCode + "-2024-" + pupilCode, 1, null, school(schoolCode), cls, pupil(pupilCode, n),
                history, assessment, outcome, override, null, "An Lão", LocalDate.of(2025, 5, 31));
    }

    static List<YearRecord> classRecords(String schoolCode, String className, int count) {
        List<YearRecord> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) list.add(record(schoolCode, className, i));
        return list;
    }

    /** A copy with another general comment: a content change a teacher makes. */
    static YearRecord edited(YearRecord r, String comment) {
        YearAssessment a = r.assessment();
        return r.withAssessment(new YearAssessment(a.grade(), a.disabledNotAssessed(), a.subjects(), a.traits(),
                a.awards(), comment, a.supplementary()));
    }
}
