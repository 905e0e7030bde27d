package vn.hocba.export.moet.internal.transfer;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.osgi.PGDataSourceFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.hocba.export.DeliverySummary;
import vn.hocba.export.RecordCheck;
import vn.hocba.export.SignatureCheck;
import vn.hocba.export.TransferReport;
import vn.hocba.export.TransferResult;
import vn.hocba.export.moet.SampleRecords;
import vn.hocba.export.moet.SigningEngine;
import vn.hocba.export.moet.TestSeal;
import vn.hocba.export.moet.internal.MoetExporter;
import vn.hocba.export.moet.internal.outbox.Outbox;
import vn.hocba.export.spi.Exporter;
import vn.hocba.export.transport.folder.internal.FolderTransportAccess;
import vn.hocba.model.RecordState;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.YearRecord;
import vn.hocba.signing.testpki.TestPki;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.TaskStatus;
import vn.hocba.store.jpa.internal.DerbyDataSourceFactory;
import vn.hocba.store.jpa.internal.JpaStore;
import vn.hocba.store.jpa.internal.StoreOpener;

/**
 * Two installations: school A's hocba on Derby issues a pupil's grades 1 to 3 (XML and PDF signed by the signing
 * engine), its outbox exports them as a sealed package into a folder; school B's hocba on PostgreSQL imports the
 * package, shows A's signers, and the pupil's grade 4 at B continues the study history.
 */
class CrossInstallationTest {

    private static final String DESTINATION = "moet-tieuhoc-1.0@folder";

    @TempDir
    Path tmp;

    private final MoetExporter exporter = new MoetExporter();

    private Optional<Exporter> byNamespace(String ns) {
        return ns.equals(exporter.schemaNamespace()) ? Optional.of(exporter) : Optional.empty();
    }

    private static URL storeRoot() {
        return JpaStore.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void schoolAOnDerbyExportsAndSchoolBOnPostgresqlContinues() throws Exception {
        Files.createDirectories(tmp.resolve("anchors"));
        SigningEngine engine = new SigningEngine(tmp.resolve("anchors"));
        System.setProperty("derby.stream.error.file", tmp.resolve("derby.log").toString());
        SchoolScope a = SchoolScope.of(SampleRecords.SCHOOL_A.code());
        SchoolScope b = SchoolScope.of(SampleRecords.SCHOOL_B.code());
        Path drop = tmp.resolve("outgoing");

        // --- installation A (Derby): issue grades 1-3 of pupil 21, export them
        try (JpaStore storeA = StoreOpener.open(new DerbyDataSourceFactory(),
                "jdbc:derby:" + tmp.resolve("school-a").toAbsolutePath() + ";create=true", "", "", storeRoot(),
                JpaStore.class.getClassLoader(), 4, Clock.systemUTC())) {
            storeA.saveSchool(SampleRecords.SCHOOL_A);
            for (int grade = 1; grade <= 3; grade++) {
                YearRecord r = SampleRecords.record(SampleRecords.SCHOOL_A, 21, grade, new SchoolYear(2021 + grade),
                        RecordState.DRAFT);
                r = new YearRecord(r.recordId() + "-G" + grade, 1, RecordState.DRAFT, r.school(), r.schoolClass(),
                        r.pupil(), r.history(), r.assessment(), r.outcome(), r.override(), null, r.place(),
                        r.issueDate());
                storeA.saveClass(a, r.schoolClass());
                StoredRecord s = storeA.saveDraft(a, r, RecordRepository.NEW, "gv.hoa");
                s = storeA.transition(a, s.ref(), RecordState.LOCKED, s.revision(), "gv.hoa", "");
                byte[] unsigned = exporter.toXml(s.record(), SampleRecords.signatories(r.school()));
                s = storeA.transition(a, s.ref(), RecordState.TEACHER_SIGNED, s.revision(), "gv.hoa", "");
                s = storeA.transition(a, s.ref(), RecordState.PRINCIPAL_SIGNED, s.revision(), "pht.ha", "");
                s = storeA.attachArtefacts(a, s.ref(), engine.signPdf(SigningEngine.pdfWith(unsigned)),
                        engine.signXml(unsigned), s.revision(), "system:seal");
                storeA.transition(a, s.ref(), RecordState.ISSUED, s.revision(), "pht.ha", "");
            }
            Outbox outbox = new Outbox(storeA, storeA, this::byNamespace, code -> TestSeal.shared(),
                    tmp.resolve("work"), 50, Clock.systemUTC());
            for (int y = 2022; y <= 2024; y++) outbox.enqueueIssued(a, new SchoolYear(y), DESTINATION);
            DeliverySummary sent = outbox.deliver(a, SampleRecords.SCHOOL_A.name(), DESTINATION,
                    new FolderTransportAccess(drop).transport());
            assertEquals(1, sent.packagesDelivered());
            assertEquals(3, storeA.exportsWithStatus(a, DESTINATION, TaskStatus.DONE).size());
            assertEquals(3, storeA.inState(a, new SchoolYear(2022), null, Set.of(RecordState.SENT)).size()
                    + storeA.inState(a, new SchoolYear(2023), null, Set.of(RecordState.SENT)).size()
                    + storeA.inState(a, new SchoolYear(2024), null, Set.of(RecordState.SENT)).size());
        }
        Path zip;
        try (var files = Files.list(drop)) {
            zip = files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElseThrow();
        }

        // --- installation B (PostgreSQL): import, then the next year
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE school_b");
            }
            try (JpaStore storeB = StoreOpener.open(new PGDataSourceFactory(),
                    "jdbc:postgresql://localhost:" + pg.getPort() + "/school_b", "postgres", "", storeRoot(),
                    JpaStore.class.getClassLoader(), 4, Clock.systemUTC())) {
                storeB.saveSchool(SampleRecords.SCHOOL_B);
                Transfers transfers = new Transfers(new TransferVerifier(this::byNamespace,
                        () -> Optional.of(engine.verifier()), () -> List.of(TestPki.shared().root().certificate())),
                        new TransferArchive(tmp.resolve("school-b-transfers"), this::byNamespace), storeB);
                TransferResult result = transfers.importTransfer(b, Files.readAllBytes(zip), null, "admin.b");

                TransferReport report = result.report();
                assertTrue(report.accepted(), () -> report.problems().toString());
                assertEquals("HP-AL-TH01", report.sourceSchoolCode());
                assertEquals("Trường Tiểu học An Lão", report.packageSignature().signerName());
                assertEquals(3, report.records().size());
                for (RecordCheck check : report.records()) {
                    assertEquals(6, check.signatures().size(), "three on the XML, three on the PDF");
                    assertTrue(check.signatures().stream().allMatch(SignatureCheck::passed));
                    assertEquals(Set.of("Nguyễn Thị Hoa", "Lê Thị Thu Hà", "Trường Tiểu học An Lão"),
                            Set.copyOf(check.signatures().stream().map(SignatureCheck::signerName).toList()));
                }
                String code = result.pupilCode();
                assertEquals(SampleRecords.personalId(21), storeB.pupil(b, code).orElseThrow().identity().personalId());

                // grade 4 at B continues the history carried over from A
                List<StudyHistoryEntry> history = new ArrayList<>(transfers.history(b, code));
                history.add(new StudyHistoryEntry(new SchoolYear(2025), 4, "4B", b.schoolCode(),
                        SampleRecords.SCHOOL_B.name(), "ĐB-4B-07", LocalDate.of(2025, 9, 5)));
                YearRecord template = SampleRecords.record(SampleRecords.SCHOOL_B, 21, 4, new SchoolYear(2025),
                        RecordState.DRAFT);
                SchoolClass cls = new SchoolClass(b.schoolCode(), new SchoolYear(2025), 4, "4B", "Đỗ Thị Mai");
                storeB.saveClass(b, cls);
                YearRecord next = new YearRecord("HP-KT-TH02-2025-" + code, 1, RecordState.DRAFT,
                        SampleRecords.SCHOOL_B, cls, storeB.pupil(b, code).orElseThrow().identity(), history,
                        template.assessment(), null, null, null, "Kiến Thụy", null);
                storeB.saveDraft(b, next, RecordRepository.NEW, "gv.mai");
                YearRecord back = storeB.latest(b, next.recordId()).orElseThrow().record();
                assertEquals(List.of(2022, 2023, 2024, 2025),
                        back.history().stream().map(h -> h.year().startYear()).toList());
                assertEquals(List.of("HP-AL-TH01", "HP-AL-TH01", "HP-AL-TH01", "HP-KT-TH02"),
                        back.history().stream().map(StudyHistoryEntry::schoolCode).toList());
                // the earlier years stay as A signed them
                assertEquals(3, transfers.records(b, code).size());
                assertTrue(transfers.records(b, code).stream().allMatch(r -> r.school().equals(SampleRecords.SCHOOL_A)));
            }
        }
    }
}
