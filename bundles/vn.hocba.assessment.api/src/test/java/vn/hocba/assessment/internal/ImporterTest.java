package vn.hocba.assessment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.hocba.assessment.ClassReport;
import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportRequest;
import vn.hocba.assessment.ImportStatus;
import vn.hocba.assessment.SourceImportRequest;
import vn.hocba.assessment.spi.AssessmentSource;
import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.Provenance;
import vn.hocba.assessment.spi.PupilData;
import vn.hocba.assessment.spi.SourceBatch;
import vn.hocba.assessment.testing.TestImports;
import vn.hocba.model.RecordState;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Subject;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearRecord;
import vn.hocba.store.StoreException;

class ImporterTest {
    private static final String SCHOOL = TestImports.SCHOOL;

    private final TestImports t = new TestImports();

    /** A source that answers the rows it was given, as one class each call. */
    private static final class ListSource implements AssessmentSource {
        private final String id;
        private final List<PupilData> rows;

        ListSource(String id, List<PupilData> rows) {
            this.id = id;
            this.rows = rows;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<SchoolClass> classes(String schoolCode, SchoolYear year) {
            return rows.stream().map(r -> new SchoolClass(schoolCode, year, r.grade(), r.className(), ""))
                    .distinct().toList();
        }

        @Override
        public SourceBatch readClass(String schoolCode, SchoolYear year, String className) {
            List<PupilData> of = rows.stream().filter(r -> r.className().equals(className)).toList();
            return new SourceBatch(new Provenance(id, id + ":" + className, "test", "", Instant.now(),
                    Integer.toHexString(of.hashCode())), of, List.of());
        }
    }

    private List<PupilData> classOf(String className, int grade, int pupils) {
        List<PupilData> rows = new ArrayList<>();
        for (int i = 1; i <= pupils; i++) {
            rows.add(TestImports.row(i + 1, SCHOOL, className, grade,
                    TestImports.pupil("P" + className + i, "Nguyễn Văn " + className + i), TestImports.best(grade)));
        }
        return rows;
    }

    private ImportReport pull(List<PupilData> rows) {
        t.service.addSource(new ListSource("test", rows));
        return t.service.importFromSource(new SourceImportRequest(SCHOOL, TestImports.YEAR, "", "test", "tester",
                false));
    }

    @Test
    void storesEveryClassAndTheSameInputTwiceChangesNothing() {
        List<PupilData> rows = new ArrayList<>(classOf("3A", 3, 4));
        rows.addAll(classOf("1B", 1, 3));
        ImportReport first = pull(rows);
        assertEquals(ImportStatus.STORED, first.status(), first.toJson());
        assertEquals(List.of("1B", "3A"), first.classes().stream().map(ClassReport::className).toList());
        assertEquals(7, first.written());
        assertEquals(7, t.store.latestRecords(SCHOOL).size());
        YearRecord r = t.store.latestRecords(SCHOOL).get("HB-P3A1-2024-2025");
        assertEquals(YearEndResult.HOAN_THANH_XUAT_SAC, r.outcome().result(), "derived, never typed");
        assertEquals("Phạm Thị Lan", r.schoolClass().homeroomTeacher());
        assertEquals(1, r.history().size());

        int writes = t.store.writes();
        ImportReport second = pull(rows);
        assertEquals(ImportStatus.UNCHANGED, second.status(), second.toJson());
        assertEquals(0, second.written());
        assertEquals(writes, t.store.writes(), "the second import wrote nothing");
        ImportReport preview = t.service.importFromSource(new SourceImportRequest(SCHOOL, TestImports.YEAR, "", "test",
                "tester", true));
        assertEquals(ImportStatus.UNCHANGED, preview.status(), "a dry run tells that nothing would change");
    }

    @Test
    void oneInvalidRowKeepsTheWholeClassOutAndEveryProblemIsReported() {
        List<PupilData> rows = new ArrayList<>(classOf("3A", 3, 3));
        YearAssessment noScore = TestImports.best(3).withSubject(SubjectResult.of(Subject.TOAN,
                vn.hocba.model.SubjectLevel.HOAN_THANH_TOT, null, ""));
        rows.set(1, TestImports.row(3, SCHOOL, "3A", 3, TestImports.pupil("P3A2", "Lê Thị Hoa"), noScore));
        YearAssessment noLevel = TestImports.best(3).withSubject(SubjectResult.of(Subject.TV, null, 8, ""));
        rows.set(2, TestImports.row(4, SCHOOL, "3A", 3, TestImports.pupil("P3A3", "Vũ Minh Đức"), noLevel));
        rows.addAll(classOf("4A", 4, 2));

        ImportReport report = pull(rows);
        assertEquals(ImportStatus.PARTIAL, report.status(), report.toJson());
        ClassReport a3 = report.classes().stream().filter(c -> c.className().equals("3A")).findFirst().orElseThrow();
        assertEquals(ImportStatus.REJECTED, a3.status());
        assertEquals(0, a3.written());
        List<ImportProblem> errors = a3.problems().stream().filter(ImportProblem::isError).toList();
        assertEquals(List.of("MISSING_SCORE", "MISSING_LEVEL"), errors.stream().map(ImportProblem::code).toList());
        assertEquals(3, errors.get(0).row());
        assertEquals("TOAN.score", errors.get(0).header());
        assertTrue(errors.get(0).messageVi().contains("Toán"), errors.get(0).messageVi());
        assertEquals(4, errors.get(1).row());
        assertTrue(t.store.latestRecords(SCHOOL).keySet().stream().noneMatch(id -> id.contains("P3A")),
                "nothing of class 3A is stored");
        assertEquals(2, t.store.latestRecords(SCHOOL).size(), "class 4A is");
    }

    @Test
    void aRowOfAnotherSchoolAndDuplicatePupilCodesAreErrors() {
        List<PupilData> rows = new ArrayList<>(classOf("3A", 3, 3));
        PupilData other = rows.get(0);
        rows.set(0, TestImports.row(2, "HP-AL-TH02", "3A", 3, other.pupil(), other.assessment()));
        rows.add(TestImports.row(5, SCHOOL, "3A", 3, TestImports.pupil("P3A2", "Trùng Mã"), TestImports.best(3)));

        ImportReport report = pull(rows);
        assertEquals(ImportStatus.REJECTED, report.status());
        List<String> codes = report.allProblems().stream().map(p -> p.code() + "@" + p.row()).toList();
        assertTrue(codes.contains("SCHOOL_OTHER@2"), codes.toString());
        assertTrue(codes.contains("PUPIL_DUPLICATE@3"), codes.toString());
        assertTrue(codes.contains("PUPIL_DUPLICATE@5"), codes.toString());
        assertEquals(0, t.store.writes(), "nothing written, not even the school");
    }

    @Test
    void lockedRecordsAreRefusedWithTheReasonAndTheOthersWritten() {
        List<PupilData> rows = classOf("3A", 3, 3);
        pull(rows);
        t.store.setState(SCHOOL, "HB-P3A1-2024-2025", RecordState.LOCKED);
        t.store.setState(SCHOOL, "HB-P3A2-2024-2025", RecordState.TEACHER_SIGNED);

        ImportReport same = pull(rows);
        assertEquals(ImportStatus.UNCHANGED, same.status(), "the same content is no change, locked or not");

        List<PupilData> corrected = new ArrayList<>();
        for (PupilData r : rows) {
            YearAssessment a = r.assessment().withSubject(SubjectResult.of(Subject.TOAN,
                    vn.hocba.model.SubjectLevel.HOAN_THANH_TOT, 10, "Giỏi"));
            corrected.add(TestImports.row(r.at().row(), SCHOOL, "3A", 3, r.pupil(), a));
        }
        ImportReport report = pull(corrected);
        assertEquals(ImportStatus.PARTIAL, report.status(), report.toJson());
        ClassReport c = report.classes().get(0);
        assertEquals(1, c.written());
        assertEquals(2, c.refused().size());
        assertEquals(RecordState.LOCKED, c.refused().get(0).state());
        assertTrue(c.refused().get(0).messageVi().contains("Đã khoá sổ"), c.refused().get(0).messageVi());
        assertEquals(List.of(2, 3), c.problems().stream().filter(p -> p.code().equals("RECORD_NOT_DRAFT"))
                .map(ImportProblem::row).toList());
        assertEquals(9, t.store.latestRecords(SCHOOL).get("HB-P3A1-2024-2025").assessment().subject(Subject.TOAN)
                .orElseThrow().finalScore().orElseThrow(), "the locked record keeps its content");
        assertEquals(10, t.store.latestRecords(SCHOOL).get("HB-P3A3-2024-2025").assessment().subject(Subject.TOAN)
                .orElseThrow().finalScore().orElseThrow());
    }

    @Test
    void aPupilMovedToAnotherClassKeepsTheOneRecordOfTheYear() {
        pull(classOf("3A", 3, 2));
        PupilData moved = classOf("3A", 3, 2).get(1);
        t.service.addSource(new ListSource("moved", List.of(TestImports.row(2, SCHOOL, "3B", 3, moved.pupil(),
                moved.assessment()))));
        ImportReport report = t.service.importFromSource(new SourceImportRequest(SCHOOL, TestImports.YEAR, "", "moved",
                "tester", false));
        assertEquals(ImportStatus.STORED, report.status(), report.toJson());
        assertEquals(2, t.store.latestRecords(SCHOOL).size(), "no second record for the pupil");
        assertEquals("3B", t.store.latestRecords(SCHOOL).get("HB-P3A2-2024-2025").schoolClass().name());
    }

    @Test
    void aStatedResultIsCheckedNotTrusted() {
        List<PupilData> rows = new ArrayList<>(classOf("3A", 3, 1));
        PupilData r = rows.get(0);
        rows.set(0, new PupilData(r.at(), r.schoolCode(), r.schoolName(), r.year(), r.grade(), r.className(),
                r.homeroomTeacher(), r.pupil(), r.registrationNo(), r.admissionDate(), r.assessment(),
                YearEndResult.HOAN_THANH, r.cells(), r.problems()));
        ImportReport report = pull(rows);
        assertEquals(ImportStatus.REJECTED, report.status());
        ImportProblem p = report.allProblems().get(0);
        assertEquals("RESULT_MISMATCH", p.code());
        assertEquals("result", p.field());
    }

    @Test
    void aFailedBatchWritesNothingAndSaysWhy() {
        t.store.saveSchool(new vn.hocba.model.School(SCHOOL, TestImports.SCHOOL_NAME));
        int before = t.store.writes();
        t.store.failNextBatch(new StoreException("Mất kết nối cơ sở dữ liệu.", "The database connection was lost."));
        ImportReport report = pull(classOf("3A", 3, 2));
        assertEquals(ImportStatus.REJECTED, report.status());
        assertEquals("STORE_FAILED", report.classes().get(0).problems().get(0).code());
        assertTrue(report.classes().get(0).problems().get(0).messageVi().contains("Mất kết nối"));
        assertEquals(before, t.store.writes());
    }

    @Test
    void theSourceOfASchoolIsConfigurationAndSwitchesAtRuntime() {
        t.service.addSource(new ListSource("alpha", classOf("1A", 1, 2)));
        t.service.addSource(new ListSource("beta", classOf("2B", 2, 3)));
        SourceImportRequest req = new SourceImportRequest(SCHOOL, TestImports.YEAR, "", "", "tester", true);

        ImportReport none = t.service.importFromSource(req);
        assertEquals("SOURCE_UNKNOWN", none.problems().get(0).code());

        t.service.configure(DefaultImportService.Settings.of(20, "alpha"));
        assertEquals("1A", t.service.importFromSource(req).classes().get(0).className());
        t.service.configure(DefaultImportService.Settings.of(20, "alpha", SCHOOL + "=beta"));
        assertEquals("2B", t.service.importFromSource(req).classes().get(0).className());
        assertEquals("beta", t.service.sources().bySchool().get(SCHOOL));
        assertEquals(List.of("alpha", "beta"), t.service.sources().available());
        assertEquals(0, t.store.writes(), "dry runs write nothing");
    }

    @Test
    void anUploadIsRefusedUnreadPastTheLimitAndWhenEmpty() {
        t.service.configure(DefaultImportService.Settings.of(1, ""));
        long[] served = { 0 };
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                served[0] += len;
                return len;
            }
        };
        ImportReport big = t.service.importFile(ImportRequest.of(SCHOOL, "huge.csv", "tester"), endless);
        assertEquals("FILE_TOO_LARGE", big.problems().get(0).code());
        assertTrue(big.problems().get(0).messageVi().contains("1 MB"), big.problems().get(0).messageVi());
        assertTrue(served[0] < 2 * 1024 * 1024, "stopped reading soon after the limit");

        ImportReport empty = t.service.importFile(ImportRequest.of(SCHOOL, "empty.csv", "tester"),
                new ByteArrayInputStream(new byte[0]));
        assertEquals("FILE_EMPTY", empty.problems().get(0).code());
        ImportReport unknown = t.service.importFile(ImportRequest.of(SCHOOL, "a.pdf", "tester"),
                new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
        assertEquals("FILE_TYPE_UNKNOWN", unknown.problems().get(0).code(), "no reader accepts it");
        assertEquals(0, t.store.writes());
    }

    @Test
    void theReportIsJsonWithEveryProblemLocated() throws Exception {
        List<PupilData> rows = new ArrayList<>(classOf("3A", 3, 2));
        rows.add(TestImports.row(4, "OTHER", "3A", 3, TestImports.pupil("P9", "Hà \"Bé\" Na\\"), TestImports.best(3)));
        JsonNode json = new ObjectMapper().readTree(pull(rows).toJson());
        assertEquals("REJECTED", json.get("status").asText());
        assertEquals("Bị từ chối", json.get("statusVi").asText());
        JsonNode problem = json.get("classes").get(0).get("problems").get(0);
        assertEquals("SCHOOL_OTHER", problem.get("code").asText());
        assertEquals(4, problem.get("row").asInt());
        assertEquals("SCHOOL_CODE", problem.get("column").asText());
        assertEquals("school_code", problem.get("field").asText());
        assertFalse(problem.get("messageEn").asText().isEmpty());
        assertEquals("test", json.get("provenance").get("source").asText());
        assertEquals(64, json.get("provenance").get("sha256").asText().length());
    }
}
