package vn.hocba.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.hocba.model.RecordState;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.YearRecord;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.AuditEntry;
import vn.hocba.store.AuditEvent;
import vn.hocba.store.AuditVerification;
import vn.hocba.store.ClassBatchResult;
import vn.hocba.store.ConflictException;
import vn.hocba.store.ExportState;
import vn.hocba.store.IllegalTransitionException;
import vn.hocba.store.ImmutableVersionException;
import vn.hocba.store.NotFoundException;
import vn.hocba.store.RecordRef;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.ScopeException;
import vn.hocba.store.SigningState;
import vn.hocba.store.StoreException;
import vn.hocba.store.StoredPupil;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.TaskStatus;
import vn.hocba.store.jpa.internal.entity.ArtefactRow;
import vn.hocba.store.jpa.internal.entity.AuditEntryRow;
import vn.hocba.store.jpa.internal.entity.Keys;
import vn.hocba.store.jpa.internal.entity.RecordVersionRow;

/**
 * The repository suite, run against every database the store supports (one subclass each). Tests share one
 * database and keep apart by school code, which is itself what the store promises; tests that need an empty or
 * a specific database make their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {

    private static final AtomicInteger SCHOOLS = new AtomicInteger();
    static final byte[] PDF = "%PDF-1.7 signed by GVCN, HT and the school seal".getBytes(StandardCharsets.US_ASCII);
    static final byte[] XML = "<hocba><chuky/></hocba>".getBytes(StandardCharsets.UTF_8);

    Backend backend;
    String url;
    JpaStore store;

    abstract Backend newBackend() throws Exception;

    @BeforeAll
    void start() throws Exception {
        backend = newBackend();
        url = backend.createDatabase("shared");
        store = backend.open(url);
    }

    @AfterAll
    void stop() throws Exception {
        if (store != null) store.close();
        if (backend != null) backend.close();
    }

    SchoolScope newSchool() {
        String code = "HP-TH" + SCHOOLS.incrementAndGet() + "-" + getClass().getSimpleName().charAt(0);
        store.saveSchool(Fixtures.school(code));
        return SchoolScope.of(code);
    }

    /** Creates a draft and walks it to ISSUED with its artefacts attached. */
    StoredRecord issued(SchoolScope scope, YearRecord r) {
        StoredRecord s = store.saveDraft(scope, r, RecordRepository.NEW, "gv.huong");
        return issue(scope, s);
    }

    StoredRecord issue(SchoolScope scope, StoredRecord s) {
        s = store.transition(scope, s.ref(), RecordState.LOCKED, s.revision(), "gv.huong", "");
        s = store.transition(scope, s.ref(), RecordState.TEACHER_SIGNED, s.revision(), "gv.huong", "");
        s = store.transition(scope, s.ref(), RecordState.PRINCIPAL_SIGNED, s.revision(), "ht.lan", "");
        s = store.attachArtefacts(scope, s.ref(), PDF, XML, s.revision(), "system:seal");
        return store.transition(scope, s.ref(), RecordState.ISSUED, s.revision(), "ht.lan", "");
    }

    // ---------------------------------------------------------------- content

    @Test
    void aRecordComesBackExactlyAsItWasStored() {
        SchoolScope scope = newSchool();
        YearRecord r = Fixtures.record(scope.schoolCode(), "3A", 5); // n=5 has an override with nanoseconds
        StoredRecord saved = store.saveDraft(scope, r, RecordRepository.NEW, "gv.huong");
        StoredRecord back = store.latest(scope, r.recordId()).orElseThrow();

        assertEquals(r.withState(RecordState.DRAFT), back.record());
        assertEquals(r.override().at(), back.record().override().at());
        assertEquals(r.school().name(), back.record().school().name());
        assertEquals(r.history().get(0).admissionDate(), back.record().history().get(0).admissionDate());
        assertEquals(List.of(6, 9), back.record().assessment().subjects().get(0).scores());
        assertEquals(saved.contentSha256(), back.contentSha256());
        byte[] canonical = store.canonicalContent(scope, back.ref()).orElseThrow();
        assertEquals(Hashes.sha256(canonical), back.contentSha256());
        assertArrayEquals(Codecs.RECORD.write(r), canonical);
        assertTrue(new String(canonical, StandardCharsets.UTF_8).contains("Trần Văn Đức"), "UTF-8, NFC, unescaped");
        assertEquals(1, back.revision());
        assertNull(back.pdf());
    }

    @Test
    void schoolsClassesPupilsAndAssessmentsAreStoredPerSchool() {
        SchoolScope scope = newSchool();
        assertEquals(Fixtures.school(scope.schoolCode()).name(), store.school(scope).orElseThrow().name());
        assertTrue(store.schools().stream().anyMatch(s -> s.code().equals(scope.schoolCode())));

        store.saveClass(scope, Fixtures.schoolClass(scope.schoolCode(), "3B"));
        store.saveClass(scope, new SchoolClass(scope.schoolCode(), Fixtures.YEAR, 1, "1A", "Phạm Thu Trang"));
        assertEquals(List.of("1A", "3B"), store.classes(scope, Fixtures.YEAR).stream().map(SchoolClass::name).toList());
        assertEquals("Phạm Thu Trang", store.schoolClass(scope, Fixtures.YEAR, "1A").orElseThrow().homeroomTeacher());

        StoredPupil p = store.savePupil(scope, Fixtures.pupil("HS1", 1), 0);
        assertEquals(1, p.revision());
        assertThrows(ConflictException.class, () -> store.savePupil(scope, Fixtures.pupil("HS1", 2), 0));
        StoredPupil p2 = store.savePupil(scope, Fixtures.pupil("HS1", 3), p.revision());
        assertEquals(Fixtures.pupil("HS1", 3), store.pupil(scope, "HS1").orElseThrow().identity());
        assertEquals(p2.revision(), store.pupil(scope, "HS1").orElseThrow().revision());

        var a = Fixtures.record(scope.schoolCode(), "3B", 1).assessment();
        var sa = store.saveAssessment(scope, Fixtures.YEAR, "3B", "HS1", a, 0);
        assertEquals(a, store.assessment(scope, Fixtures.YEAR, "HS1").orElseThrow().assessment());
        assertThrows(ConflictException.class,
                () -> store.saveAssessment(scope, Fixtures.YEAR, "3B", "HS1", a.asSupplementary(true), sa.revision() + 5));
        assertEquals(1, store.assessmentsOfClass(scope, Fixtures.YEAR, "3B").size());
    }

    @Test
    void classesOfAnotherSchoolAreRefused() {
        SchoolScope a = newSchool();
        SchoolScope b = newSchool();
        assertThrows(ScopeException.class, () -> store.saveClass(b, Fixtures.schoolClass(a.schoolCode(), "3A")));
        assertThrows(NotFoundException.class,
                () -> store.saveClass(SchoolScope.of("NO-SUCH"), Fixtures.schoolClass("NO-SUCH", "3A")));
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void aRecordGoesThroughItsLifecycleAndRefusesSkippedSteps() {
        SchoolScope scope = newSchool();
        YearRecord r = Fixtures.record(scope.schoolCode(), "3A", 1);
        StoredRecord s = store.saveDraft(scope, r, RecordRepository.NEW, "gv.huong");
        StoredRecord draft = s;
        assertThrows(IllegalTransitionException.class,
                () -> store.transition(scope, draft.ref(), RecordState.ISSUED, draft.revision(), "ht", ""));
        assertThrows(IllegalTransitionException.class,
                () -> store.attachArtefacts(scope, draft.ref(), PDF, XML, draft.revision(), "x"));
        s = store.transition(scope, s.ref(), RecordState.LOCKED, s.revision(), "gv.huong", "");
        StoredRecord locked = s;
        assertThrows(IllegalTransitionException.class,
                () -> store.saveDraft(scope, Fixtures.edited(r, "muộn"), locked.revision(), "gv.huong"));
        s = store.transition(scope, s.ref(), RecordState.TEACHER_SIGNED, s.revision(), "gv.huong", "");
        s = store.transition(scope, s.ref(), RecordState.PRINCIPAL_SIGNED, s.revision(), "ht.lan", "");
        StoredRecord signed = s;
        assertThrows(IllegalTransitionException.class,
                () -> store.transition(scope, signed.ref(), RecordState.ISSUED, signed.revision(), "ht", ""),
                "no artefacts yet");
        s = store.attachArtefacts(scope, s.ref(), PDF, null, s.revision(), "system:seal");
        StoredRecord onlyPdf = s;
        assertThrows(IllegalTransitionException.class,
                () -> store.transition(scope, onlyPdf.ref(), RecordState.ISSUED, onlyPdf.revision(), "ht", ""));
        s = store.attachArtefacts(scope, s.ref(), null, XML, s.revision(), "system:seal");
        assertEquals(Hashes.sha256(PDF), s.pdf().sha256());
        assertEquals(XML.length, s.xml().size());
        s = store.transition(scope, s.ref(), RecordState.ISSUED, s.revision(), "ht.lan", "");
        assertNotNull(s.issuedAt());
        s = store.transition(scope, s.ref(), RecordState.SENT, s.revision(), "system:export", "");
        s = store.transition(scope, s.ref(), RecordState.ACCEPTED, s.revision(), "system:export", "");
        assertEquals(RecordState.ACCEPTED, store.latest(scope, r.recordId()).orElseThrow().state());
        assertArrayEquals(PDF, store.artefact(scope, s.ref(), ArtefactKind.PDF).orElseThrow());
        assertEquals(1, store.countByState(scope, Fixtures.YEAR).get(RecordState.ACCEPTED));
        StoredRecord accepted = s;
        assertThrows(IllegalTransitionException.class,
                () -> store.transition(scope, accepted.ref(), RecordState.REVOKED, accepted.revision(), "ht", " "),
                "revoking needs a reason");
        s = store.transition(scope, s.ref(), RecordState.REVOKED, s.revision(), "ht.lan", "Cấp nhầm học sinh");
        assertEquals(RecordState.REVOKED, s.state());
    }

    /** A signing step's write (the signed artefacts and the next state) is one transaction: all of it or nothing. */
    @Test
    void signedArtefactsAndTheNextStateAreWrittenTogetherOrNotAtAll() {
        SchoolScope scope = newSchool();
        StoredRecord s = store.saveDraft(scope, Fixtures.record(scope.schoolCode(), "3A", 1), RecordRepository.NEW, "gv");
        s = store.transition(scope, s.ref(), RecordState.LOCKED, s.revision(), "gv", "");
        StoredRecord rendered = store.attachArtefacts(scope, s.ref(), PDF, XML, s.revision(), "render");
        byte[] signed = "%PDF-1.7 signed by the teacher".getBytes(StandardCharsets.US_ASCII);

        // a step the state machine refuses writes nothing, not even the artefacts that came first
        assertThrows(IllegalTransitionException.class, () -> store.attachArtefactsAndTransition(scope, rendered.ref(),
                signed, null, RecordState.ISSUED, rendered.revision(), "gv", ""));
        StoredRecord unchanged = store.latest(scope, rendered.record().recordId()).orElseThrow();
        assertEquals(RecordState.LOCKED, unchanged.state());
        assertEquals(rendered.revision(), unchanged.revision());
        assertArrayEquals(PDF, store.artefact(scope, rendered.ref(), ArtefactKind.PDF).orElseThrow());

        StoredRecord teacher = store.attachArtefactsAndTransition(scope, rendered.ref(), signed, null,
                RecordState.TEACHER_SIGNED, rendered.revision(), "gv", "job 1");
        assertEquals(RecordState.TEACHER_SIGNED, teacher.state());
        assertEquals(Hashes.sha256(signed), teacher.pdf().sha256());
        assertArrayEquals(XML, store.artefact(scope, teacher.ref(), ArtefactKind.XML).orElseThrow());
        assertNotEquals(rendered.revision(), teacher.revision());

        // a host that lost the race (stale revision) writes nothing either
        assertThrows(ConflictException.class, () -> store.attachArtefactsAndTransition(scope, rendered.ref(), PDF,
                null, RecordState.TEACHER_SIGNED, rendered.revision(), "gv", "job 2"));
        assertArrayEquals(signed, store.artefact(scope, teacher.ref(), ArtefactKind.PDF).orElseThrow());
    }

    @Test
    void reopeningASignedVersionDropsItsArtefacts() {
        SchoolScope scope = newSchool();
        StoredRecord s = store.saveDraft(scope, Fixtures.record(scope.schoolCode(), "3A", 1), RecordRepository.NEW, "gv");
        s = store.transition(scope, s.ref(), RecordState.LOCKED, s.revision(), "gv", "");
        s = store.attachArtefacts(scope, s.ref(), PDF, XML, s.revision(), "gv");
        s = store.transition(scope, s.ref(), RecordState.DRAFT, s.revision(), "gv", "Sai điểm môn Toán");
        assertNull(s.pdf());
        assertTrue(store.artefact(scope, s.ref(), ArtefactKind.PDF).isEmpty());
        s = store.saveDraft(scope, Fixtures.edited(s.record(), "Đã sửa"), s.revision(), "gv");
        assertEquals("Đã sửa", s.record().assessment().generalComment());
    }

    // ---------------------------------------------------------------- immutability

    @Test
    void anIssuedVersionCannotBeChangedThroughTheRepository() {
        SchoolScope scope = newSchool();
        YearRecord r = Fixtures.record(scope.schoolCode(), "3A", 1);
        StoredRecord s = issued(scope, r);
        assertThrows(IllegalTransitionException.class,
                () -> store.saveDraft(scope, Fixtures.edited(r, "sửa sau phát hành"), s.revision(), "gv"));
        assertThrows(IllegalTransitionException.class,
                () -> store.attachArtefacts(scope, s.ref(), "other".getBytes(), null, s.revision(), "gv"));
        assertThrows(IllegalTransitionException.class,
                () -> store.transition(scope, s.ref(), RecordState.DRAFT, s.revision(), "gv", "mở lại"));
        StoredRecord again = store.find(scope, s.ref()).orElseThrow();
        assertEquals(s.contentSha256(), again.contentSha256());
        assertEquals(s.pdf(), again.pdf());
        assertArrayEquals(PDF, store.artefact(scope, s.ref(), ArtefactKind.PDF).orElseThrow());
    }

    @Test
    void anIssuedVersionCannotBeChangedThroughJpaDirectly() {
        SchoolScope scope = newSchool();
        StoredRecord s = issued(scope, Fixtures.record(scope.schoolCode(), "3A", 1));
        var key = new Keys.VersionKey(scope.schoolCode(), s.ref().recordId(), 1);
        var pdfKey = new Keys.VersionPartKey(scope.schoolCode(), s.ref().recordId(), 1, "PDF");
        Database db = store.database();

        // the entity guard: change content, replace the PDF, flip issuedAt off, remove
        assertThrows(ImmutableVersionException.class, () -> db.inTransaction(em -> {
            em.find(RecordVersionRow.class, key).content = "{\"forged\":true}".getBytes(StandardCharsets.UTF_8);
            return null;
        }));
        assertThrows(ImmutableVersionException.class, () -> db.inTransaction(em -> {
            RecordVersionRow row = em.find(RecordVersionRow.class, key);
            row.issuedAt = null;
            row.className = "3Z";
            return null;
        }));
        assertThrows(ImmutableVersionException.class, () -> db.inTransaction(em -> {
            ArtefactRow a = em.find(ArtefactRow.class, pdfKey);
            a.content = "forged".getBytes(StandardCharsets.UTF_8);
            a.sha256 = Hashes.sha256(a.content);
            return null;
        }));
        assertThrows(ImmutableVersionException.class, () -> db.inTransaction(em -> {
            em.remove(em.find(ArtefactRow.class, pdfKey));
            return null;
        }));
        assertThrows(ImmutableVersionException.class, () -> db.inTransaction(em -> {
            em.remove(em.find(RecordVersionRow.class, key));
            return null;
        }));
        // the database triggers: JPQL bulk statements skip the entity guard
        assertThrows(ImmutableVersionException.class, () -> db.inTransaction(em -> em.createQuery(
                "UPDATE RecordVersionRow v SET v.contentSha256 = :h WHERE v.schoolCode = :s")
                .setParameter("h", "0".repeat(64)).setParameter("s", scope.schoolCode()).executeUpdate()));
        assertThrows(ImmutableVersionException.class, () -> db.inTransaction(em -> em.createQuery(
                "UPDATE ArtefactRow a SET a.content = :c WHERE a.schoolCode = :s")
                .setParameter("c", new byte[] {1, 2, 3}).setParameter("s", scope.schoolCode()).executeUpdate()));
        assertThrows(ImmutableVersionException.class, () -> db.inTransaction(em -> em.createQuery(
                "DELETE FROM ArtefactRow a WHERE a.schoolCode = :s").setParameter("s", scope.schoolCode())
                .executeUpdate()));
        // and plain SQL
        SQLException sql = assertThrows(SQLException.class, () -> {
            try (Connection c = db.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("UPDATE record_version SET issued_at = NULL WHERE school_code = ?")) {
                ps.setString(1, scope.schoolCode());
                ps.executeUpdate();
            }
        });
        assertTrue(sql.getMessage().toUpperCase().contains("ISSUED_VERSION_IMMUTABLE"), sql.getMessage());

        // the state may still move on, and nothing of the content moved
        StoredRecord sent = store.transition(scope, s.ref(), RecordState.SENT, s.revision(), "system:export", "");
        assertEquals(s.contentSha256(), sent.contentSha256());
        assertArrayEquals(PDF, store.artefact(scope, s.ref(), ArtefactKind.PDF).orElseThrow());
        assertEquals(Hashes.sha256(store.canonicalContent(scope, s.ref()).orElseThrow()), s.contentSha256());
        assertNotNull(store.find(scope, s.ref()).orElseThrow().issuedAt());
    }

    @Test
    void aCorrectionIsANewVersionAndSupersedesTheOldOneWhenIssued() {
        SchoolScope scope = newSchool();
        YearRecord r = Fixtures.record(scope.schoolCode(), "3A", 1);
        StoredRecord v1 = issued(scope, r);
        assertThrows(IllegalTransitionException.class, () -> store.createCorrection(scope, r.recordId(),
                new YearRecord.Correction(2, "sai", "ht.lan"), "ht.lan"));
        StoredRecord v2 = store.createCorrection(scope, r.recordId(),
                new YearRecord.Correction(1, "Sai ngày sinh", "ht.lan"), "ht.lan");
        assertEquals(2, v2.record().version());
        assertEquals(RecordState.DRAFT, v2.state());
        assertEquals(1, v2.record().correction().replacesVersion());
        assertEquals(v1.ref(), store.latestIssued(scope, r.recordId()).orElseThrow().ref());

        v2 = store.saveDraft(scope, Fixtures.edited(v2.record(), "Đã đính chính"), v2.revision(), "gv.huong");
        v2 = issue(scope, v2);
        StoredRecord old = store.find(scope, v1.ref()).orElseThrow();
        assertEquals(RecordState.SUPERSEDED, old.state());
        assertEquals(2, old.supersededBy());
        assertEquals(v1.contentSha256(), old.contentSha256());
        assertEquals(List.of(1, 2), store.versions(scope, r.recordId()).stream().map(x -> x.record().version()).toList());
        assertEquals(v2.ref(), store.latestIssued(scope, r.recordId()).orElseThrow().ref());
        assertEquals(2, store.inState(scope, Fixtures.YEAR, "3A", EnumSet.of(RecordState.SUPERSEDED, RecordState.ISSUED)).size());
    }

    // ---------------------------------------------------------------- multi-school

    @Test
    void oneSchoolCannotReadOrChangeAnotherSchoolsData() {
        SchoolScope a = newSchool();
        SchoolScope b = newSchool();
        YearRecord ra = Fixtures.record(a.schoolCode(), "3A", 1);
        StoredRecord sa = store.saveDraft(a, ra, RecordRepository.NEW, "gv.a");
        store.savePupil(a, Fixtures.pupil("P-A", 1), 0);
        store.saveAssessment(a, Fixtures.YEAR, "3A", "P-A", ra.assessment(), 0);
        store.saveClass(a, Fixtures.schoolClass(a.schoolCode(), "3A"));
        int auditOfA = store.entries(a, 1, 1000).size();

        // reads through B see nothing of A
        assertTrue(store.latest(b, ra.recordId()).isEmpty());
        assertTrue(store.find(b, sa.ref()).isEmpty());
        assertTrue(store.versions(b, ra.recordId()).isEmpty());
        assertTrue(store.latestOfPupil(b, Fixtures.YEAR, ra.pupil().pupilCode()).isEmpty());
        assertTrue(store.latestOfClass(b, Fixtures.YEAR, "3A").isEmpty());
        assertTrue(store.inState(b, Fixtures.YEAR, null, EnumSet.allOf(RecordState.class)).isEmpty());
        assertEquals(0L, store.countByState(b, Fixtures.YEAR).get(RecordState.DRAFT));
        assertTrue(store.canonicalContent(b, sa.ref()).isEmpty());
        assertTrue(store.pupil(b, "P-A").isEmpty());
        assertTrue(store.pupils(b).isEmpty());
        assertTrue(store.assessment(b, Fixtures.YEAR, "P-A").isEmpty());
        assertTrue(store.classes(b, Fixtures.YEAR).isEmpty());
        assertTrue(store.entries(b, 1, 1000).stream().allMatch(e -> e.schoolCode().equals(b.schoolCode())));

        // writes through B cannot reach A's rows
        assertThrows(ScopeException.class, () -> store.saveDraft(b, Fixtures.edited(ra, "x"), sa.revision(), "gv.b"));
        assertThrows(ScopeException.class, () -> store.writeClass(b, Fixtures.schoolClass(a.schoolCode(), "3A"),
                List.of(ra), "gv.b"));
        assertThrows(NotFoundException.class,
                () -> store.transition(b, sa.ref(), RecordState.LOCKED, sa.revision(), "gv.b", ""));
        assertThrows(NotFoundException.class,
                () -> store.attachArtefacts(b, sa.ref(), PDF, XML, sa.revision(), "gv.b"));
        assertThrows(NotFoundException.class, () -> store.createCorrection(b, ra.recordId(),
                new YearRecord.Correction(1, "x", "y"), "gv.b"));
        assertThrows(NotFoundException.class, () -> store.putSigning(b,
                new SigningState(sa.ref(), "PRINCIPAL", "ht", "p12", "", TaskStatus.PENDING, null, "")));

        // B may have a record with the same id: it is B's own, A's stays as it was
        YearRecord rb = new YearRecord(ra.recordId(), 1, null, Fixtures.school(b.schoolCode()),
                Fixtures.schoolClass(b.schoolCode(), "3A"), ra.pupil(), ra.history(), ra.assessment(), ra.outcome(),
                null, null, "", null);
        store.saveDraft(b, rb, RecordRepository.NEW, "gv.b");
        StoredRecord stillA = store.latest(a, ra.recordId()).orElseThrow();
        assertEquals(sa.contentSha256(), stillA.contentSha256());
        assertEquals(sa.revision(), stillA.revision());
        assertEquals(a.schoolCode(), stillA.record().school().code());
        assertEquals(auditOfA, store.entries(a, 1, 1000).size());
        assertTrue(store.verify(a).intact());
        assertTrue(store.verify(b).intact());
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void aStaleRevisionIsAConflictNotALostUpdate() {
        SchoolScope scope = newSchool();
        YearRecord r = Fixtures.record(scope.schoolCode(), "3A", 1);
        StoredRecord s = store.saveDraft(scope, r, RecordRepository.NEW, "gv");
        store.saveDraft(scope, Fixtures.edited(r, "Người thứ nhất"), s.revision(), "gv.1");
        ConflictException e = assertThrows(ConflictException.class,
                () -> store.saveDraft(scope, Fixtures.edited(r, "Người thứ hai"), s.revision(), "gv.2"));
        assertTrue(e.messageVi().contains("người khác"), e.messageVi());
        assertEquals("Người thứ nhất", store.latest(scope, r.recordId()).orElseThrow().record().assessment().generalComment());
        assertThrows(ConflictException.class, () -> store.saveDraft(scope, r, RecordRepository.NEW, "gv.3"),
                "creating an existing record");
    }

    @Test
    void twoConcurrentEditsEndWithOneSuccessAndOneConflict() throws Exception {
        SchoolScope scope = newSchool();
        YearRecord r = Fixtures.record(scope.schoolCode(), "3A", 1);
        StoredRecord s = store.saveDraft(scope, r, RecordRepository.NEW, "gv");
        for (int round = 0; round < 3; round++) {
            StoredRecord base = store.latest(scope, r.recordId()).orElseThrow();
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<StoredRecord>> results = new ArrayList<>();
            for (String who : List.of("gv.1", "gv.2")) {
                Callable<StoredRecord> edit = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return store.saveDraft(scope, Fixtures.edited(r, "Sửa bởi " + who + " lần " + base.revision()),
                            base.revision(), who);
                };
                results.add(pool.submit(edit));
            }
            pool.shutdown();
            List<StoredRecord> ok = new ArrayList<>();
            List<Throwable> failed = new ArrayList<>();
            for (Future<StoredRecord> f : results) {
                try {
                    ok.add(f.get(60, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.add(e.getCause());
                }
            }
            assertEquals(1, ok.size(), "exactly one edit wins: " + failed);
            assertEquals(1, failed.size());
            assertTrue(failed.get(0) instanceof ConflictException, String.valueOf(failed.get(0)));
            StoredRecord now = store.latest(scope, r.recordId()).orElseThrow();
            assertEquals(ok.get(0).contentSha256(), now.contentSha256(), "the winner's content is what is stored");
            assertEquals(base.revision() + 1, now.revision());
        }
        assertNotEquals(s.contentSha256(), store.latest(scope, r.recordId()).orElseThrow().contentSha256());
        assertTrue(store.verify(scope).intact());
    }

    // ---------------------------------------------------------------- class batch

    @Test
    void aClassIsWrittenInOneBatchAndASecondImportChangesNothing() {
        SchoolScope scope = newSchool();
        SchoolClass cls = Fixtures.schoolClass(scope.schoolCode(), "3C");
        List<YearRecord> records = Fixtures.classRecords(scope.schoolCode(), "3C", 35);
        ClassBatchResult first = store.writeClass(scope, cls, records, "import:csv");
        assertEquals(35, first.written().size());
        assertEquals(35, store.latestOfClass(scope, Fixtures.YEAR, "3C").size());
        assertEquals(35, store.pupils(scope).size());
        assertEquals(cls, store.schoolClass(scope, Fixtures.YEAR, "3C").orElseThrow());
        long auditBefore = store.entries(scope, 1, 10_000).size();

        ClassBatchResult again = store.writeClass(scope, cls, records, "import:csv");
        assertEquals(0, again.written().size());
        assertEquals(35, again.unchanged().size());
        assertEquals(auditBefore, store.entries(scope, 1, 10_000).size(), "nothing changed, nothing audited");

        StoredRecord one = store.latest(scope, records.get(0).recordId()).orElseThrow();
        store.transition(scope, one.ref(), RecordState.LOCKED, one.revision(), "gv", "");
        List<YearRecord> corrected = new ArrayList<>(records);
        corrected.replaceAll(x -> Fixtures.edited(x, "Nhập lại từ tệp đã sửa"));
        ClassBatchResult third = store.writeClass(scope, cls, corrected, "import:csv");
        assertEquals(34, third.written().size());
        assertEquals(1, third.refused().size());
        assertEquals(RecordState.LOCKED, third.refused().get(0).state());
        assertTrue(third.refused().get(0).messageVi().contains("Đã khoá sổ"));
        assertTrue(store.verify(scope).intact());
    }

    @Test
    void aFailingBatchWritesNothingOfTheClass() {
        SchoolScope scope = newSchool();
        SchoolClass cls = Fixtures.schoolClass(scope.schoolCode(), "3D");
        YearRecord clash = Fixtures.record(scope.schoolCode(), "3D", 7);
        // the same pupil already has a record for the year under another id: the batch must fail as a whole
        YearRecord other = new YearRecord("OTHER-ID", 1, null, clash.school(), clash.schoolClass(), clash.pupil(),
                clash.history(), clash.assessment(), clash.outcome(), null, null, "", null);
        store.saveDraft(scope, other, RecordRepository.NEW, "gv");
        int auditBefore = store.entries(scope, 1, 10_000).size();
        assertThrows(StoreException.class,
                () -> store.writeClass(scope, cls, Fixtures.classRecords(scope.schoolCode(), "3D", 20), "import:csv"));
        assertEquals(1, store.latestOfClass(scope, Fixtures.YEAR, "3D").size(), "only the earlier record");
        assertTrue(store.schoolClass(scope, Fixtures.YEAR, "3D").isEmpty());
        assertEquals(0, store.pupils(scope).size());
        assertEquals(auditBefore, store.entries(scope, 1, 10_000).size());
        assertTrue(store.verify(scope).intact());
    }

    // ---------------------------------------------------------------- signing and export state

    @Test
    void signingAndExportStateIsKeptPerVersion() {
        SchoolScope scope = newSchool();
        StoredRecord s = issued(scope, Fixtures.record(scope.schoolCode(), "3A", 1));
        store.putSigning(scope, new SigningState(s.ref(), "PRINCIPAL", "ht.lan", "csc-vnpt", "txn-42",
                TaskStatus.IN_PROGRESS, null, "chờ xác nhận trên điện thoại"));
        store.putSigning(scope, new SigningState(s.ref(), "HOMEROOM_TEACHER", "gv.huong", "p12", "",
                TaskStatus.DONE, null, ""));
        assertEquals(1, store.signingWithStatus(scope, TaskStatus.IN_PROGRESS).size());
        assertEquals("txn-42", store.signingWithStatus(scope, TaskStatus.IN_PROGRESS).get(0).providerRef());
        store.putSigning(scope, new SigningState(s.ref(), "PRINCIPAL", "ht.lan", "csc-vnpt", "txn-42",
                TaskStatus.DONE, null, ""));
        assertEquals(0, store.signingWithStatus(scope, TaskStatus.IN_PROGRESS).size());
        assertEquals(2, store.signing(scope, s.ref()).size());

        store.putExport(scope, new ExportState(s.ref(), "moet-xml-v1", TaskStatus.PENDING, "", 0, "", null, ""));
        assertEquals(1, store.exportsWithStatus(scope, "moet-xml-v1", TaskStatus.PENDING).size());
        store.putExport(scope, new ExportState(s.ref(), "moet-xml-v1", TaskStatus.DONE, "B-2025-06", 2,
                "<receipt id=\"9\"/>", null, ""));
        ExportState done = store.exports(scope, s.ref()).get(0);
        assertEquals("<receipt id=\"9\"/>", done.receipt());
        assertEquals(2, done.attempts());
        assertTrue(store.exportsWithStatus(scope, "moet-xml-v1", TaskStatus.PENDING).isEmpty());
        SchoolScope other = newSchool();
        assertTrue(store.signing(other, s.ref()).isEmpty());
        assertTrue(store.exportsWithStatus(other, "moet-xml-v1", TaskStatus.DONE).isEmpty());
    }

    // ---------------------------------------------------------------- audit

    @Test
    void everyChangeIsAuditedInAnIntactChain() {
        SchoolScope scope = newSchool();
        StoredRecord s = issued(scope, Fixtures.record(scope.schoolCode(), "3A", 1));
        AuditEntry custom = store.append(scope, new AuditEvent("ht.lan", "export.sent", s.ref().toString(),
                s.contentSha256(), s.contentSha256(), "gửi Sở GDĐT"));
        List<AuditEntry> entries = store.entries(scope, 1, 1000);
        assertEquals(custom, entries.get(entries.size() - 1));
        assertEquals("school.register", entries.get(0).event().action());
        assertEquals(Hashes.GENESIS, entries.get(0).prevHash());
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).seq());
            assertEquals(entries.get(i - 1).entryHash(), entries.get(i).prevHash());
        }
        assertTrue(entries.stream().anyMatch(e -> e.event().action().equals("record.transition")
                && e.event().detail().equals("PRINCIPAL_SIGNED->ISSUED") && e.event().actor().equals("ht.lan")));
        AuditVerification v = store.verify(scope);
        assertTrue(v.intact(), v.problemEn());
        assertEquals(entries.size(), v.entriesChecked());
        assertEquals(custom.entryHash(), v.headHash());
    }

    @Test
    void theDatabaseRefusesToEditOrRemoveAuditEntries() {
        SchoolScope scope = newSchool();
        store.append(scope, new AuditEvent("gv", "login", "", "", "", ""));
        assertThrows(SQLException.class, () -> sql("UPDATE audit_entry SET actor = 'x' WHERE school_code = '"
                + scope.schoolCode() + "'"));
        assertThrows(SQLException.class, () -> sql("DELETE FROM audit_entry WHERE school_code = '" + scope.schoolCode() + "'"));
        assertThrows(ImmutableVersionException.class, () -> store.database().inTransaction(em -> {
            em.find(AuditEntryRow.class, new Keys.AuditKey(scope.schoolCode(), 1)).actor = "forged";
            return null;
        }));
        assertTrue(store.verify(scope).intact());
    }

    @Test
    void theVerifierFindsTheFirstEditedEntry() throws Exception {
        SchoolScope scope = auditedSchool(8);
        try (Connection c = store.database().dataSource().getConnection()) {
            backend.tamperWithAudit(c, "UPDATE audit_entry SET detail = 'đã bị sửa' WHERE school_code = '"
                    + scope.schoolCode() + "' AND seq IN (4, 6)");
        }
        AuditVerification v = store.verify(scope);
        assertFalse(v.intact());
        assertEquals(4, v.firstBrokenSeq());
        assertTrue(v.problemEn().contains("entry 4 was edited"), v.problemEn());
        assertTrue(v.problemVi().contains("mục số 4"), v.problemVi());
    }

    @Test
    void theVerifierFindsARemovedEntryAndACutTail() throws Exception {
        SchoolScope middle = auditedSchool(8);
        SchoolScope tail = auditedSchool(8);
        try (Connection c = store.database().dataSource().getConnection()) {
            backend.tamperWithAudit(c, "DELETE FROM audit_entry WHERE school_code = '" + middle.schoolCode() + "' AND seq = 5");
            backend.tamperWithAudit(c, "DELETE FROM audit_entry WHERE school_code = '" + tail.schoolCode() + "' AND seq = 9");
        }
        AuditVerification v = store.verify(middle);
        assertFalse(v.intact());
        assertEquals(5, v.firstBrokenSeq());
        assertTrue(v.problemEn().contains("entry 5 is missing"), v.problemEn());
        AuditVerification t = store.verify(tail);
        assertFalse(t.intact());
        assertEquals(9, t.firstBrokenSeq());
    }

    /** A school with its registration entry and {@code events} more. */
    private SchoolScope auditedSchool(int events) {
        SchoolScope scope = newSchool();
        for (int i = 0; i < events; i++) {
            store.append(scope, new AuditEvent("gv." + i, "note", "R-" + i, "", Hashes.sha256("v" + i), "ghi chú " + i));
        }
        assertTrue(store.verify(scope).intact());
        return scope;
    }

    void sql(String statement) throws SQLException {
        try (Connection c = store.database().dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    // ---------------------------------------------------------------- migrations and restarts

    @Test
    void theSchemaIsAtTheNewestVersion() throws SQLException {
        assertEquals(new Migrations(store.database().dataSource(), backend.dialect()).latestAvailable(),
                store.info().schemaVersion());
        assertEquals(backend.dialect().id(), store.info().dialect());
        assertFalse(store.info().url().contains("password"));
    }

    @Test
    void dataSurvivesClosingAndReopeningTheStore() throws Exception {
        String dbUrl = backend.createDatabase("reopen");
        String recordId;
        try (JpaStore first = backend.open(dbUrl)) {
            first.saveSchool(Fixtures.school("HP-RE"));
            SchoolScope scope = SchoolScope.of("HP-RE");
            recordId = issuedIn(first, scope).ref().recordId();
        }
        try (JpaStore second = backend.open(dbUrl)) {
            SchoolScope scope = SchoolScope.of("HP-RE");
            StoredRecord back = second.latest(scope, recordId).orElseThrow();
            assertEquals(RecordState.ISSUED, back.state());
            assertArrayEquals(PDF, second.artefact(scope, back.ref(), ArtefactKind.PDF).orElseThrow());
            assertTrue(second.verify(scope).intact());
        }
    }

    private static StoredRecord issuedIn(JpaStore s, SchoolScope scope) {
        StoredRecord r = s.saveDraft(scope, Fixtures.record(scope.schoolCode(), "3A", 1), RecordRepository.NEW, "gv");
        r = s.transition(scope, r.ref(), RecordState.LOCKED, r.revision(), "gv", "");
        r = s.transition(scope, r.ref(), RecordState.TEACHER_SIGNED, r.revision(), "gv", "");
        r = s.transition(scope, r.ref(), RecordState.PRINCIPAL_SIGNED, r.revision(), "ht", "");
        r = s.attachArtefacts(scope, r.ref(), PDF, XML, r.revision(), "seal");
        return s.transition(scope, r.ref(), RecordState.ISSUED, r.revision(), "ht", "");
    }

    @Test
    void anUpgradeFromTheFirstSchemaKeepsEveryRow() throws Exception {
        String dbUrl = backend.createDatabase("upgrade");
        var ds = backend.dataSource(dbUrl);
        Migrations migrations = new Migrations(ds, backend.dialect());
        assertEquals(1, migrations.migrate(1));
        V1Data written = V1Data.write(ds, 25);
        Map<String, Long> countsBefore = V1Data.counts(ds);
        try (JpaStore upgraded = backend.open(dbUrl)) {
            assertEquals(migrations.latestAvailable(), upgraded.info().schemaVersion());
            assertEquals(countsBefore, V1Data.counts(ds), "no row lost or added");
            written.assertIntact(upgraded);
            // and the upgraded database works on: the next correction supersedes the issued version
            SchoolScope scope = SchoolScope.of(V1Data.SCHOOL);
            StoredRecord issued = upgraded.latest(scope, written.issuedRecordId()).orElseThrow();
            assertEquals(RecordState.ISSUED, issued.state());
            assertThrows(ImmutableVersionException.class, () -> upgraded.database().inTransaction(em -> {
                em.find(RecordVersionRow.class, new Keys.VersionKey(V1Data.SCHOOL, written.issuedRecordId(), 2))
                        .contentSha256 = "0".repeat(64);
                return null;
            }));
        }
    }

    // ---------------------------------------------------------------- crash safety

    @Test
    void aProcessKilledInTheMiddleOfAClassBatchLeavesNothingOfIt() throws Exception {
        String dbUrl = backend.createDatabase("crashmid");
        CrashChild.runAndKill(backend, dbUrl, "midway");
        try (JpaStore reopened = backend.open(dbUrl)) {
            SchoolScope scope = SchoolScope.of(CrashChild.SCHOOL);
            assertTrue(reopened.school(scope).isPresent(), "the school was committed before the batch");
            assertEquals(0, reopened.latestOfClass(scope, Fixtures.YEAR, CrashChild.CLASS).size());
            assertEquals(0, reopened.pupils(scope).size());
            assertTrue(reopened.verify(scope).intact());
            CrashChild.assertTablesConsistent(reopened);
            ClassBatchResult retry = reopened.writeClass(scope, Fixtures.schoolClass(CrashChild.SCHOOL, CrashChild.CLASS),
                    Fixtures.classRecords(CrashChild.SCHOOL, CrashChild.CLASS, CrashChild.PUPILS), "import:retry");
            assertEquals(CrashChild.PUPILS, retry.written().size());
        }
    }

    @Test
    void aProcessKilledRightAfterTheBatchCommitKeepsAllOfIt() throws Exception {
        String dbUrl = backend.createDatabase("crashdone");
        CrashChild.runAndKill(backend, dbUrl, "committed");
        try (JpaStore reopened = backend.open(dbUrl)) {
            SchoolScope scope = SchoolScope.of(CrashChild.SCHOOL);
            List<StoredRecord> records = reopened.latestOfClass(scope, Fixtures.YEAR, CrashChild.CLASS);
            assertEquals(CrashChild.PUPILS, records.size());
            for (StoredRecord r : records) {
                assertEquals(Hashes.sha256(Codecs.RECORD.write(r.record())), r.contentSha256());
            }
            assertTrue(reopened.verify(scope).intact());
            CrashChild.assertTablesConsistent(reopened);
        }
    }

    /** A JPA query straight on the entity, to check counts against what the repositories say. */
    static long count(EntityManager em, String entity, String school) {
        return em.createQuery("SELECT COUNT(x) FROM " + entity + " x WHERE x.schoolCode = :s", Long.class)
                .setParameter("s", school).getSingleResult();
    }

    static long countRows(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Set<String> tables() {
        return Set.of("school", "school_class", "pupil", "assessment", "record_version", "record_artefact",
                "audit_entry", "audit_head");
    }
}
