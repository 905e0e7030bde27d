package vn.hocba.assessment.csv.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.hocba.assessment.spi.Fields;
import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.ImportProblemCode;
import vn.hocba.assessment.spi.PupilData;
import vn.hocba.model.PupilIdentity;
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
import vn.hocba.rules.Levels;
import vn.hocba.rules.Parsed;
import vn.hocba.rules.Scores;

/**
 * Reads one canonical row into a {@link PupilData}: every value is checked and every problem kept, so the teacher
 * sees all of them at once. Levels and scores are read by the rules ({@link Levels}, {@link Scores}) so their error
 * codes have one home. What the row says is not judged here against the curriculum or the other rows: the import
 * service does that.
 */
final class RowReader {
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern VN_DATE = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern GRADE = Pattern.compile("([1-5])(?:[.,]0+)?");
    /** What an exempt subject records as the reason when the file gives none. */
    static final String EXEMPT_REASON = "Miễn (theo dữ liệu nhập)";

    private RowReader() {}

    /**
     * @param optional required fields that may be empty in this layout (filled from the import's school)
     */
    static PupilData read(SourceRow row, Set<String> optional) {
        List<ImportProblem> problems = new ArrayList<>(row.problems());
        for (String f : Fields.REQUIRED) {
            if (!optional.contains(f) && row.value(f).isEmpty() && row.cells().containsKey(f)) {
                problems.add(ImportProblem.at(row.cell(f), f, ImportProblemCode.VALUE_REQUIRED, Fields.label(f)));
            }
        }
        SchoolYear year = schoolYear(row, problems);
        int grade = grade(row, problems);
        PupilIdentity pupil = pupil(row, problems);
        LocalDate admission = date(row, Fields.ADMISSION_DATE, problems);
        boolean disabled = flag(row, Fields.DISABLED_NOT_ASSESSED, problems);
        YearAssessment assessment = grade == 0 ? null : assessment(row, grade, disabled, problems);
        YearEndResult stated = parsed(Levels.result(row.value(Fields.RESULT), Fields.RESULT), row, Fields.RESULT,
                problems);
        return new PupilData(row.at(), row.value(Fields.SCHOOL_CODE), row.value(Fields.SCHOOL_NAME), year, grade,
                row.value(Fields.CLASS_NAME), row.value(Fields.HOMEROOM_TEACHER), pupil,
                row.value(Fields.REGISTRATION_NO), admission, assessment, stated, row.cells(), problems);
    }

    private static SchoolYear schoolYear(SourceRow row, List<ImportProblem> problems) {
        String v = row.value(Fields.SCHOOL_YEAR).replace('–', '-').replace(" ", "");
        if (v.isEmpty()) return null;
        try {
            return SchoolYear.parse(v);
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.at(row.cell(Fields.SCHOOL_YEAR), Fields.SCHOOL_YEAR,
                    ImportProblemCode.SCHOOL_YEAR_INVALID, ""));
            return null;
        }
    }

    private static int grade(SourceRow row, List<ImportProblem> problems) {
        String v = row.value(Fields.GRADE);
        if (v.isEmpty()) return 0;
        Matcher m = GRADE.matcher(v);
        if (m.matches()) return Integer.parseInt(m.group(1));
        problems.add(ImportProblem.at(row.cell(Fields.GRADE), Fields.GRADE, ImportProblemCode.GRADE_INVALID, ""));
        return 0;
    }

    private static PupilIdentity pupil(SourceRow row, List<ImportProblem> problems) {
        Sex sex = sex(row, problems);
        LocalDate born = date(row, Fields.DATE_OF_BIRTH, problems);
        String code = row.value(Fields.PUPIL_CODE);
        String name = row.value(Fields.FULL_NAME).replaceAll("\\s+", " ");
        if (code.isEmpty() || name.isEmpty()) return null;
        return new PupilIdentity(code, row.value(Fields.PERSONAL_ID), name, sex, born, row.value(Fields.ETHNICITY),
                row.value(Fields.NATIONALITY), row.value(Fields.PLACE_OF_BIRTH), row.value(Fields.HOME_TOWN),
                row.value(Fields.ADDRESS), row.value(Fields.FATHER_NAME), row.value(Fields.MOTHER_NAME),
                row.value(Fields.GUARDIAN_NAME));
    }

    private static Sex sex(SourceRow row, List<ImportProblem> problems) {
        String v = row.value(Fields.SEX).toLowerCase(Locale.ROOT);
        switch (v) {
            case "nam", "m", "male" -> { return Sex.MALE; }
            case "nữ", "nu", "f", "female" -> { return Sex.FEMALE; }
            case "" -> { return Sex.UNKNOWN; }
            default -> {
                problems.add(ImportProblem.at(row.cell(Fields.SEX), Fields.SEX, ImportProblemCode.SEX_INVALID, ""));
                return Sex.UNKNOWN;
            }
        }
    }

    /** {@code YYYY-MM-DD} or {@code DD/MM/YYYY} (also with dots or dashes); empty is no date. */
    static LocalDate date(SourceRow row, String field, List<ImportProblem> problems) {
        String v = row.value(field);
        if (v.isEmpty()) return null;
        try {
            Matcher iso = ISO_DATE.matcher(v);
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
            Matcher vn = VN_DATE.matcher(v);
            if (vn.matches()) {
                return LocalDate.of(Integer.parseInt(vn.group(3)), Integer.parseInt(vn.group(2)),
                        Integer.parseInt(vn.group(1)));
            }
        } catch (DateTimeException e) {
            // 31/02/2016: falls through to the problem
        }
        problems.add(ImportProblem.at(row.cell(field), field, ImportProblemCode.DATE_INVALID, ""));
        return null;
    }

    private static boolean flag(SourceRow row, String field, List<ImportProblem> problems) {
        String v = row.value(field);
        if (v.isEmpty() || v.equals("0")) return false;
        if (v.equals("1")) return true;
        problems.add(ImportProblem.at(row.cell(field), field, ImportProblemCode.FLAG_INVALID, ""));
        return false;
    }

    private static YearAssessment assessment(SourceRow row, int grade, boolean disabled,
            List<ImportProblem> problems) {
        List<SubjectResult> subjects = new ArrayList<>();
        for (Subject s : Subject.values()) {
            String levelText = row.value(Fields.level(s));
            String scoreText = row.value(Fields.score(s));
            String comment = row.value(Fields.comment(s));
            boolean exempt = flag(row, Fields.exempt(s), problems);
            if (levelText.isEmpty() && scoreText.isEmpty() && comment.isEmpty() && !exempt) continue;
            SubjectLevel level = parsed(Levels.subject(levelText, s), row, Fields.level(s), problems);
            Integer score = parsed(Scores.parse(scoreText, s), row, Fields.score(s), problems);
            subjects.add(new SubjectResult(s, level, score == null ? List.of() : List.of(score),
                    exempt ? "" : comment, exempt ? (comment.isEmpty() ? EXEMPT_REASON : comment) : ""));
        }
        List<TraitResult> traits = new ArrayList<>();
        for (Trait t : Trait.values()) {
            String levelText = row.value(Fields.level(t));
            String comment = row.value(Fields.comment(t));
            if (levelText.isEmpty() && comment.isEmpty()) continue;
            TraitLevel level = parsed(Levels.trait(levelText, t), row, Fields.level(t), problems);
            traits.add(new TraitResult(t, level, comment));
        }
        List<String> awards = Arrays.stream(row.value(Fields.AWARDS).split(";")).map(String::strip)
                .filter(a -> !a.isEmpty()).toList();
        return new YearAssessment(grade, disabled, subjects, traits, awards, row.value(Fields.GENERAL_COMMENT), false);
    }

    private static <T> T parsed(Parsed<T> p, SourceRow row, String field, List<ImportProblem> problems) {
        if (!p.isOk()) problems.add(ImportProblem.ofRule(p.problem(), row.cell(field)));
        return p.value();
    }
}
