package vn.hocba.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.hocba.assessment.ClassReport;
import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportStatus;
import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.SourceException;
import vn.hocba.assessment.testing.TestImports;
import vn.hocba.model.Subject;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearRecord;

class DemoSourceTest {
    private static final String SCHOOL = "DEMO-TH01";

    private static DemoConfig config(int pupils) {
        return new DemoConfig() {
            @Override public Class<? extends Annotation> annotationType() { return DemoConfig.class; }
            @Override public String schoolCode() { return SCHOOL; }
            @Override public String schoolName() { return "Trường Tiểu học Hoa Sen (dữ liệu mẫu)"; }
            @Override public String schoolYear() { return "2024-2025"; }
            @Override public int pupilsPerClass() { return pupils; }
            @Override public boolean importOnStart() { return true; }
        };
    }

    private final TestImports t = new TestImports();
    private final DemoAssessmentSource source = new DemoAssessmentSource(
            DemoAssessmentSource.school(TestImports.CATALOG, t.rules, config(8)), Clock.systemUTC());

    @Test
    void theDemoSchoolImportsCleanlyWithVariedResultsThroughTheSourceSpi() {
        t.service.addSource(source);
        ImportReport report = DemoBootstrap.importIfEmpty(t.service, t.store, SCHOOL, TestImports.YEAR);
        assertEquals(ImportStatus.STORED, report.status(), report.toJson());
        assertEquals(0, report.errorCount(), report.toJson());
        assertEquals(List.of("1A", "2A", "3A", "4A", "5A", "5B"),
                report.classes().stream().map(ClassReport::className).toList());
        assertEquals(48, report.written());
        assertEquals(List.of("PERSONAL_ID_MISSING"), report.allProblems().stream().map(ImportProblem::code).toList(),
                "one pupil has no personal id yet: a warning, drafted anyway");

        List<YearRecord> records = List.copyOf(t.store.latestRecords(SCHOOL).values());
        Set<YearEndResult> results = records.stream().map(YearRecord::effectiveResult)
                .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(() -> EnumSet.noneOf(YearEndResult.class)));
        assertEquals(EnumSet.allOf(YearEndResult.class), results, "every year-end level occurs");
        assertTrue(records.stream().anyMatch(r -> r.assessment().disabledNotAssessed()));
        assertTrue(records.stream().anyMatch(r -> r.assessment().subject(Subject.GDTC).map(s -> s.isExempt()).orElse(false)));
        assertTrue(records.stream().anyMatch(r -> r.assessment().subject(Subject.TOAN).map(s -> s.isRetested()).orElse(false)));
        assertTrue(records.stream().anyMatch(r -> r.assessment().awards().contains("Học sinh Xuất sắc")));
        assertTrue(records.stream().allMatch(r -> r.pupil().fullName().split(" ").length == 3));

        assertNull(DemoBootstrap.importIfEmpty(t.service, t.store, SCHOOL, TestImports.YEAR),
                "the next start finds the classes and imports nothing");
        int writes = t.store.writes();
        ImportReport again = t.service.importFromSource(new vn.hocba.assessment.SourceImportRequest(SCHOOL,
                TestImports.YEAR, "", "demo", "tester", false));
        assertEquals(ImportStatus.UNCHANGED, again.status(), "the same data again changes nothing");
        assertEquals(writes, t.store.writes());
    }

    @Test
    void theSourceAnswersForItsSchoolOnlyWithProvenance() {
        assertEquals(6, source.classes(SCHOOL, TestImports.YEAR).size());
        assertTrue(source.classes("HP-AL-TH01", TestImports.YEAR).isEmpty());
        var batch = source.readClass(SCHOOL, TestImports.YEAR, "3A");
        assertEquals("demo:DEMO-TH01/2024-2025/3A", batch.provenance().origin());
        assertEquals(batch.provenance().inputSha256(), source.readClass(SCHOOL, TestImports.YEAR, "3A").provenance()
                .inputSha256(), "the same data, the same hash");
        assertThrows(SourceException.class, () -> source.readClass(SCHOOL, TestImports.YEAR, "9Z"));
    }
}
