package vn.hocba.assessment.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.hocba.assessment.internal.DefaultImportService;
import vn.hocba.assessment.internal.Importer;
import vn.hocba.assessment.spi.CellRef;
import vn.hocba.assessment.spi.PupilData;
import vn.hocba.assessment.spi.RowRef;
import vn.hocba.model.CurriculumEntry;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Sex;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.rules.internal.ResourceCurriculumCatalog;
import vn.hocba.rules.internal.Tt27Rules;
import vn.hocba.rules.internal.Tt27Validator;

/** The import service on the real rules and the in-memory store, and rows to feed it. */
public final class TestImports {
    public static final SchoolYear YEAR = SchoolYear.parse("2024-2025");
    public static final String SCHOOL = "HP-AL-TH01";
    public static final String SCHOOL_NAME = "Trường Tiểu học An Thắng";
    public static final ResourceCurriculumCatalog CATALOG = new ResourceCurriculumCatalog();

    public final InMemoryStore store = new InMemoryStore();
    public final Tt27Rules rules = new Tt27Rules(CATALOG);
    public final DefaultImportService service;

    public TestImports() {
        Importer importer = new Importer(new Tt27Validator(CATALOG), rules, store, store, true);
        service = new DefaultImportService(importer, store, Clock.systemUTC(),
                DefaultImportService.Settings.of(20, ""));
    }

    /** Every compulsory subject T (tested ones scored 9), every quality and competency Tốt. */
    public static YearAssessment best(int grade) {
        List<SubjectResult> subjects = new ArrayList<>();
        for (CurriculumEntry e : CATALOG.forYear(YEAR).forGrade(grade)) {
            if (e.compulsory()) {
                subjects.add(SubjectResult.of(e.subject(), SubjectLevel.HOAN_THANH_TOT, e.tested() ? 9 : null, ""));
            }
        }
        List<TraitResult> traits = new ArrayList<>();
        for (Trait t : CATALOG.forYear(YEAR).traitsForGrade(grade)) traits.add(new TraitResult(t, TraitLevel.TOT, ""));
        return new YearAssessment(grade, false, subjects, traits, List.of(), "Chăm ngoan.", false);
    }

    public static PupilIdentity pupil(String code, String name) {
        return new PupilIdentity(code, "0312" + String.format("%08d", Math.abs(code.hashCode()) % 100_000_000), name,
                Sex.FEMALE, LocalDate.of(2016, 3, 1), "Kinh", "Việt Nam", "Hải Phòng", "", "", "", "", "");
    }

    /** A row of a .csv-like file: the cells are named by their hocba-csv v1 field, column = field. */
    public static PupilData row(int rowNo, String school, String className, int grade, PupilIdentity pupil,
            YearAssessment a) {
        Map<String, CellRef> cells = new java.util.HashMap<>();
        for (String f : List.of("school_code", "class_name", "grade", "pupil_code", "TOAN.score", "TV.level", "result")) {
            cells.put(f, new CellRef("", rowNo, f.toUpperCase(), f, ""));
        }
        return new PupilData(new RowRef("", rowNo), school, SCHOOL_NAME, YEAR, grade, className, "Phạm Thị Lan",
                pupil, "1/2022", LocalDate.of(2022, 9, 5), a, null, cells, List.of());
    }
}
