package vn.hocba.rules.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
import vn.hocba.model.YearRecord;
import vn.hocba.rules.Levels;
import vn.hocba.rules.Parsed;
import vn.hocba.rules.Problem;
import vn.hocba.rules.Scores;

/**
 * Maps one hocba-csv v1 row to a year record, for the tests only (the real adapter is another bundle's job).
 * Cell problems are collected, not thrown.
 */
final class FixtureMapper {
    final List<Problem> problems = new ArrayList<>();

    YearRecord map(Map<String, String> row) {
        School school = new School(row.get("school_code"), row.get("school_name"));
        SchoolYear year = SchoolYear.parse(row.get("school_year"));
        int grade = Integer.parseInt(row.get("grade").strip());
        SchoolClass c = new SchoolClass(school.code(), year, grade, row.get("class_name"), row.get("homeroom_teacher"));
        PupilIdentity pupil = new PupilIdentity(row.get("pupil_code"), row.get("personal_id"), row.get("full_name"),
                sex(row.get("sex")), date(row.get("date_of_birth")), row.get("ethnicity"), row.get("nationality"),
                row.get("place_of_birth"), row.get("home_town"), row.get("address"), row.get("father_name"),
                row.get("mother_name"), row.get("guardian_name"));
        StudyHistoryEntry history = new StudyHistoryEntry(year, grade, c.name(), school.code(), school.name(),
                row.get("registration_no"), row.get("admission_date").isBlank() ? null : date(row.get("admission_date")));

        List<SubjectResult> subjects = new ArrayList<>();
        for (Subject s : Subject.values()) {
            String code = s.nationalCode();
            String comment = row.getOrDefault(code + ".comment", "");
            if ("1".equals(row.getOrDefault(code + ".exempt", "").strip())) {
                // hocba-csv v1 has no reason column: the comment is the reason, or a plain "miễn"
                subjects.add(new SubjectResult(s, level(row, s), score(row, s), "",
                        comment.isBlank() ? "Miễn (theo tệp nhập)" : comment));
                continue;
            }
            SubjectLevel level = level(row, s);
            List<Integer> scores = score(row, s);
            if (level != null || !scores.isEmpty()) subjects.add(new SubjectResult(s, level, scores, comment, ""));
        }
        List<TraitResult> traits = new ArrayList<>();
        for (Trait t : Trait.values()) {
            Parsed<TraitLevel> p = Levels.trait(row.get(t.nationalCode() + ".level"), t);
            note(p);
            if (p.value() != null) traits.add(new TraitResult(t, p.value(), row.getOrDefault(t.nationalCode() + ".comment", "")));
        }
        String awards = row.getOrDefault("awards", "");
        YearAssessment a = new YearAssessment(grade, "1".equals(row.get("disabled_not_assessed").strip()), subjects,
                traits, awards.isBlank() ? List.of() : Arrays.stream(awards.split(";")).map(String::strip).toList(),
                row.get("general_comment"), false);
        return new YearRecord(year + "/" + pupil.pupilCode(), 1, RecordState.DRAFT, school, c, pupil,
                List.of(history), a, null, null, null, "", null);
    }

    private SubjectLevel level(Map<String, String> row, Subject s) {
        return note(Levels.subject(row.get(s.nationalCode() + ".level"), s));
    }

    private List<Integer> score(Map<String, String> row, Subject s) {
        Integer v = note(Scores.parse(row.get(s.nationalCode() + ".score"), s));
        return v == null ? List.of() : List.of(v);
    }

    private <T> T note(Parsed<T> p) {
        if (!p.isOk()) problems.add(p.problem());
        return p.value();
    }

    private static Sex sex(String cell) {
        return switch (cell.strip()) {
            case "Nam", "M" -> Sex.MALE;
            case "Nữ", "F" -> Sex.FEMALE;
            default -> Sex.UNKNOWN;
        };
    }

    private static LocalDate date(String cell) {
        String t = cell.strip();
        return t.contains("/") ? LocalDate.parse(t, DateTimeFormatter.ofPattern("dd/MM/yyyy")) : LocalDate.parse(t);
    }
}
