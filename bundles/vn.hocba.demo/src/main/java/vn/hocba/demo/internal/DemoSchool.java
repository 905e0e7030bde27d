package vn.hocba.demo.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import vn.hocba.assessment.spi.PupilData;
import vn.hocba.assessment.spi.RowRef;
import vn.hocba.model.Curriculum;
import vn.hocba.model.CurriculumEntry;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Sex;
import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.rules.YearResultRules;

/**
 * A demo school's year as a host platform would hold it: classes 1A to 5A (and 5B), pupils with plausible Vietnamese
 * names and varied results (every year-end level, a re-test, an exempt subject, a pupil with a disability not
 * assessed, a pupil without a personal id yet). The same settings always give the same data, so importing it again
 * changes nothing.
 */
final class DemoSchool {
    private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý" };
    private static final String[] MIDDLE_M = { "Văn", "Minh", "Đức", "Quang", "Hữu", "Gia", "Bảo" };
    private static final String[] MIDDLE_F = { "Thị", "Ngọc", "Thu", "Khánh", "Bảo", "Minh", "Thuỳ" };
    private static final String[] GIVEN_M = { "An", "Bình", "Dũng", "Hùng", "Khoa", "Long", "Nam", "Phúc", "Quân",
            "Tuấn", "Đạt", "Huy", "Khải", "Sơn" };
    private static final String[] GIVEN_F = { "Anh", "Chi", "Hà", "Hương", "Lan", "Linh", "Mai", "Ngân", "Trang",
            "Yến", "Thư", "Vy", "Ngọc", "Hiền" };
    private static final String[] TEACHERS = { "Nguyễn Thị Hoa", "Trần Thị Minh", "Lê Thị Thanh", "Phạm Thị Lan",
            "Vũ Văn Bình", "Đỗ Thị Hạnh" };
    private static final String[] CLASSES = { "1A", "2A", "3A", "4A", "5A", "5B" };
    private static final String COMMENT_T = "Nắm vững kiến thức, vận dụng tốt.";
    private static final String COMMENT_H = "Hoàn thành các yêu cầu của bài học.";
    private static final String COMMENT_C = "Chưa hoàn thành một số yêu cầu, cần cố gắng thêm.";
    private static final String[] GENERAL = { "Chăm ngoan, tích cực tham gia hoạt động của lớp.",
            "Ngoan, lễ phép, hoà đồng với bạn bè.", "Có tiến bộ, cần mạnh dạn phát biểu hơn.",
            "Tự giác trong học tập, biết giúp đỡ bạn." };

    /** How a pupil did, from best to weakest; specials test the rules' edge cases. */
    private enum Profile { EXCELLENT, GOOD, FAIR, WEAK, RETEST, EXEMPT, NOT_ASSESSED }

    private final String schoolCode;
    private final String schoolName;
    private final SchoolYear year;
    private final int pupilsPerClass;
    private final Curriculum curriculum;
    private final YearResultRules rules;

    DemoSchool(String schoolCode, String schoolName, SchoolYear year, int pupilsPerClass, Curriculum curriculum,
            YearResultRules rules) {
        this.schoolCode = schoolCode;
        this.schoolName = schoolName;
        this.year = year;
        this.pupilsPerClass = pupilsPerClass;
        this.curriculum = curriculum;
        this.rules = rules;
    }

    String schoolCode() {
        return schoolCode;
    }

    SchoolYear year() {
        return year;
    }

    List<SchoolClass> classes() {
        List<SchoolClass> out = new ArrayList<>();
        for (int i = 0; i < CLASSES.length; i++) {
            int grade = CLASSES[i].charAt(0) - '0';
            if (curriculum.coversGrade(grade)) {
                out.add(new SchoolClass(schoolCode, year, grade, CLASSES[i], TEACHERS[i % TEACHERS.length]));
            }
        }
        return out;
    }

    /** The pupils of a class; empty when the school has no such class. */
    List<PupilData> pupils(String className) {
        SchoolClass c = classes().stream().filter(x -> x.name().equals(className)).findFirst().orElse(null);
        if (c == null) return List.of();
        int classIndex = List.of(CLASSES).indexOf(className);
        Random random = new Random(schoolCode.hashCode() * 31L + year.startYear() * 7L + classIndex);
        List<PupilData> rows = new ArrayList<>();
        for (int n = 1; n <= pupilsPerClass; n++) {
            rows.add(pupil(c, classIndex, n, random));
        }
        return rows;
    }

    /** The SHA-256 of what the source answers for a class, the provenance of an import from it. */
    String hash(String className) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(pupils(className).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PupilData pupil(SchoolClass c, int classIndex, int n, Random random) {
        boolean female = random.nextBoolean();
        String name = FAMILY[random.nextInt(FAMILY.length)] + " "
                + (female ? MIDDLE_F[random.nextInt(MIDDLE_F.length)] : MIDDLE_M[random.nextInt(MIDDLE_M.length)])
                + " " + (female ? GIVEN_F[random.nextInt(GIVEN_F.length)] : GIVEN_M[random.nextInt(GIVEN_M.length)]);
        int enrolled = year.startYear() - c.grade() + 1;
        String code = schoolCode + "-" + enrolled + String.format("%02d%02d", classIndex + 1, n);
        // one pupil of grade 1 has no personal id yet (the record can be drafted, not signed)
        String personalId = c.grade() == 1 && n == 2 ? "" : "0312" + String.format("%08d", random.nextInt(100_000_000));
        LocalDate born = LocalDate.of(year.startYear() - 5 - c.grade(), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String father = FAMILY[random.nextInt(FAMILY.length)] + " Văn " + GIVEN_M[random.nextInt(GIVEN_M.length)];
        String mother = FAMILY[random.nextInt(FAMILY.length)] + " Thị " + GIVEN_F[random.nextInt(GIVEN_F.length)];
        PupilIdentity pupil = new PupilIdentity(code, personalId, name, female ? Sex.FEMALE : Sex.MALE, born, "Kinh",
                "Việt Nam", "Hải Phòng", "An Lão, Hải Phòng", "Thôn " + (1 + random.nextInt(8)) + ", xã An Thắng, Hải Phòng",
                father, mother, "");
        YearAssessment a = assessment(c.grade(), profile(c.grade(), n), random);
        return new PupilData(RowRef.NONE, schoolCode, schoolName, year, c.grade(), c.name(), c.homeroomTeacher(),
                pupil, n + "/" + enrolled, LocalDate.of(enrolled, 9, 5), a, null, null, List.of());
    }

    private static Profile profile(int grade, int n) {
        if (grade == 3 && n == 4) return Profile.RETEST;
        if (grade == 2 && n == 5) return Profile.EXEMPT;
        if (grade == 4 && n == 6) return Profile.NOT_ASSESSED;
        return switch (n % 8) {
            case 1, 5 -> Profile.EXCELLENT;
            case 2, 6 -> Profile.GOOD;
            case 0 -> Profile.WEAK;
            default -> Profile.FAIR;
        };
    }

    private YearAssessment assessment(int grade, Profile profile, Random random) {
        if (profile == Profile.NOT_ASSESSED) {
            return new YearAssessment(grade, true, List.of(), List.of(), List.of(),
                    "Học sinh khuyết tật học theo kế hoạch giáo dục cá nhân, có tiến bộ.", false);
        }
        List<SubjectResult> subjects = new ArrayList<>();
        boolean weakDone = false;
        for (CurriculumEntry e : curriculum.forGrade(grade)) {
            if (!e.compulsory()) continue;
            Subject s = e.subject();
            if (profile == Profile.EXEMPT && s == Subject.GDTC) {
                subjects.add(SubjectResult.exempt(s, "Miễn học theo chỉ định của bác sĩ"));
                continue;
            }
            SubjectLevel level = switch (profile) {
                case EXCELLENT -> SubjectLevel.HOAN_THANH_TOT;
                case GOOD -> SubjectLevel.HOAN_THANH_TOT;
                case WEAK -> weakDone ? SubjectLevel.HOAN_THANH : SubjectLevel.CHUA_HOAN_THANH;
                default -> random.nextBoolean() ? SubjectLevel.HOAN_THANH_TOT : SubjectLevel.HOAN_THANH;
            };
            if (profile == Profile.WEAK) weakDone = true;
            List<Integer> scores = new ArrayList<>();
            if (e.tested()) {
                scores.add(switch (profile) {
                    case EXCELLENT -> 9 + random.nextInt(2);
                    case GOOD -> scores.isEmpty() && subjects.stream().noneMatch(x -> !x.scores().isEmpty())
                            ? 8 : 7 + random.nextInt(4); // one score under 9: HTT, not HTXS
                    case WEAK -> level == SubjectLevel.CHUA_HOAN_THANH ? 3 + random.nextInt(2) : 5 + random.nextInt(2);
                    default -> 5 + random.nextInt(4);
                });
                if (profile == Profile.RETEST && s == Subject.TOAN) {
                    scores.set(0, 4);
                    scores.add(6); // re-tested: the last score counts
                    level = SubjectLevel.HOAN_THANH;
                }
            }
            String comment = level == SubjectLevel.HOAN_THANH_TOT ? COMMENT_T
                    : level == SubjectLevel.HOAN_THANH ? COMMENT_H : COMMENT_C;
            subjects.add(new SubjectResult(s, level, scores, comment, ""));
        }
        List<TraitResult> traits = new ArrayList<>();
        for (Trait t : curriculum.traitsForGrade(grade)) {
            TraitLevel level = switch (profile) {
                case EXCELLENT -> TraitLevel.TOT;
                case GOOD -> TraitLevel.TOT;
                case WEAK -> random.nextInt(4) == 0 ? TraitLevel.CAN_CO_GANG : TraitLevel.DAT;
                default -> random.nextBoolean() ? TraitLevel.TOT : TraitLevel.DAT;
            };
            traits.add(new TraitResult(t, level, ""));
        }
        YearAssessment a = new YearAssessment(grade, false, subjects, traits, List.of(),
                GENERAL[random.nextInt(GENERAL.length)], false);
        YearEndResult result = rules.derive(year, a).outcome().result();
        List<String> awards = result == YearEndResult.HOAN_THANH_XUAT_SAC ? List.of("Học sinh Xuất sắc") : List.of();
        return new YearAssessment(grade, false, subjects, traits, awards, a.generalComment(), false);
    }
}
