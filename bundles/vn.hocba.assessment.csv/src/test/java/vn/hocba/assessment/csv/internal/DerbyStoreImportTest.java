package vn.hocba.assessment.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportRequest;
import vn.hocba.assessment.ImportStatus;
import vn.hocba.assessment.internal.DefaultImportService;
import vn.hocba.assessment.internal.Importer;
import vn.hocba.assessment.testing.TestImports;
import vn.hocba.model.RecordState;
import vn.hocba.model.YearRecord;
import vn.hocba.rules.internal.Tt27Rules;
import vn.hocba.rules.internal.Tt27Validator;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.jpa.internal.DerbyDataSourceFactory;
import vn.hocba.store.jpa.internal.JpaStore;
import vn.hocba.store.jpa.internal.StoreOpener;

/**
 * The import on the real store (EclipseLink on embedded Derby): the class batch is one transaction, the same file
 * twice leaves the database and its audit trail as they were, the .xlsx of the same data is no change after the
 * .csv, a bad file leaves no trace, and locked records are refused by the store with its reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DerbyStoreImportTest {
    private JpaStore store;
    private DefaultImportService service;

    @BeforeAll
    void open() throws Exception {
        Path dir = Files.createTempDirectory("hocba-import-derby-");
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        store = StoreOpener.open(new DerbyDataSourceFactory(), "jdbc:derby:" + dir.resolve("db") + ";create=true",
                "", "", JpaStore.class.getProtectionDomain().getCodeSource().getLocation(),
                JpaStore.class.getClassLoader(), 4, Clock.systemUTC());
        Importer importer = new Importer(new Tt27Validator(TestImports.CATALOG), new Tt27Rules(TestImports.CATALOG),
                store, store, true);
        service = new DefaultImportService(importer, store, Clock.systemUTC(), DefaultImportService.Settings.of(20, ""));
        service.addReader(new HocbaCsvReader());
    }

    @AfterAll
    void close() {
        store.close();
    }

    /** The sample class moved to a school of its own, so each test has a clean school in the one database. */
    private static Fixture forSchool(String school) {
        Fixture f = Fixture.load();
        for (int i = 0; i < f.rows.size(); i++) f = f.with(i, "school_code", school);
        return f;
    }

    private ImportReport upload(String school, String name, byte[] content) {
        return service.importFile(new ImportRequest(school, name, "", "", "gv.lan", false),
                new ByteArrayInputStream(content));
    }

    private List<StoredRecord> records(String school) {
        return store.latestOfClass(SchoolScope.of(school), TestImports.YEAR, "3A");
    }

    private int auditEntries(String school) {
        return store.entries(SchoolScope.of(school), 1, 100_000).size();
    }

    @Test
    void theSampleImportsOnceAndItsXlsxIsNoChange() {
        String school = "DB-TH01";
        Fixture f = forSchool(school);
        ImportReport csv = upload(school, "lop-3a.csv", f.csvBytes());
        assertEquals(ImportStatus.STORED, csv.status(), csv.toJson());
        assertEquals(8, records(school).size());
        int audit = auditEntries(school);
        assertTrue(audit >= 8, "each record's creation is audited: " + audit);
        List<StoredRecord> before = records(school);

        ImportReport again = upload(school, "lop-3a.csv", f.csvBytes());
        assertEquals(ImportStatus.UNCHANGED, again.status(), again.toJson());
        ImportReport xlsx = upload(school, "lop-3a.xlsx", f.xlsx());
        assertEquals(ImportStatus.UNCHANGED, xlsx.status(), "the .xlsx holds the very same records: " + xlsx.toJson());
        assertEquals(audit, auditEntries(school), "nothing was written, not even to the audit trail");
        assertEquals(before, records(school), "same content, same revisions");
        assertTrue(store.verify(SchoolScope.of(school)).intact());
    }

    @Test
    void aFileWithOneBadRowLeavesNoTrace() {
        String school = "DB-TH02";
        ImportReport r = upload(school, "lop-3a.csv", forSchool(school).with(7, "TOAN.score", "11").csvBytes());
        assertEquals(ImportStatus.REJECTED, r.status());
        assertEquals("SCORE_OUT_OF_RANGE", r.allProblems().get(0).code());
        assertTrue(records(school).isEmpty());
        assertTrue(store.school(SchoolScope.of(school)).isEmpty(), "not even the school was registered");
    }

    @Test
    void recordsLockedInTheStoreAreRefusedWithItsReason() {
        String school = "DB-TH03";
        Fixture f = forSchool(school);
        upload(school, "lop-3a.csv", f.csvBytes());
        StoredRecord first = records(school).get(0);
        store.transition(SchoolScope.of(school), first.ref(), RecordState.LOCKED, first.revision(), "gv.lan", "");

        Fixture corrected = f;
        for (int i = 0; i < f.rows.size(); i++) corrected = corrected.with(i, "general_comment", "Ngoan, lễ phép.");
        ImportReport r = upload(school, "lop-3a-sua.csv", corrected.csvBytes());
        assertEquals(ImportStatus.PARTIAL, r.status(), r.toJson());
        assertEquals(7, r.written());
        assertEquals(1, r.classes().get(0).refused().size());
        assertEquals(RecordState.LOCKED, r.classes().get(0).refused().get(0).state());
        YearRecord locked = store.latest(SchoolScope.of(school), first.ref().recordId()).orElseThrow().record();
        assertEquals("Chăm ngoan, tích cực tham gia hoạt động của lớp.", locked.assessment().generalComment());
    }
}
