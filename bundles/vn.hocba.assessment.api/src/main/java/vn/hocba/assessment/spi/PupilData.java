package vn.hocba.assessment.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.hocba.model.PupilIdentity;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;

/**
 * One pupil's row as a source read it: the class it names, the pupil, the assessment, and what was wrong reading
 * it. A value that could not be read is null (or 0 for the grade) and has a problem in {@link #problems()}; the
 * import service checks the row against the rules and the other rows.
 *
 * @param at              where the row is in the file ({@link RowRef#NONE} for a system)
 * @param schoolCode      the school the row names; empty when the source has no such column (the import's school)
 * @param schoolName      the school name the row names, may be empty
 * @param year            the school year, null when unreadable
 * @param grade           1–5, 0 when unreadable
 * @param className       the class name (e.g. {@code 3A}), empty when missing
 * @param homeroomTeacher the homeroom teacher (GVCN), may be empty
 * @param pupil           null when the pupil code or name is missing
 * @param registrationNo  số đăng bộ, may be empty
 * @param admissionDate   ngày nhập học, may be null
 * @param assessment      null when the grade is unreadable; levels or scores that could not be read are left out
 * @param statedResult    the year-end result the source computed ({@code result} column), or null; it is checked
 *                        against the rules, never trusted
 * @param cells           where each canonical field (hocba-csv v1 column name: {@code TOAN.score},
 *                        {@code PC.YN.level}, {@code full_name}) was read, so a problem can point at its cell;
 *                        empty for a system
 * @param problems        what was wrong reading the row
 */
public record PupilData(
        RowRef at,
        String schoolCode,
        String schoolName,
        SchoolYear year,
        int grade,
        String className,
        String homeroomTeacher,
        PupilIdentity pupil,
        String registrationNo,
        LocalDate admissionDate,
        YearAssessment assessment,
        YearEndResult statedResult,
        Map<String, CellRef> cells,
        List<ImportProblem> problems) {

    public PupilData {
        if (at == null) at = RowRef.NONE;
        schoolCode = schoolCode == null ? "" : schoolCode.strip();
        schoolName = schoolName == null ? "" : schoolName.strip();
        className = className == null ? "" : className.strip();
        homeroomTeacher = homeroomTeacher == null ? "" : homeroomTeacher.strip();
        registrationNo = registrationNo == null ? "" : registrationNo.strip();
        cells = cells == null ? Map.of() : Map.copyOf(cells);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** The pupil code, or empty when the pupil could not be read. */
    public String pupilCode() {
        return pupil == null ? "" : pupil.pupilCode();
    }

    /** Where a canonical field was read, or a reference to the row with the field as its heading. */
    public CellRef cell(String field) {
        CellRef c = cells.get(field);
        return c != null ? c : new CellRef(at.sheet(), at.row(), "", field, "");
    }
}
