package vn.hocba.export.moet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import vn.hocba.export.moet.internal.pkg.Hashes;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.RecordState;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearRecord;
import vn.hocba.store.ArtefactInfo;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.ClassBatchResult;
import vn.hocba.store.ConflictException;
import vn.hocba.store.ExportState;
import vn.hocba.store.IllegalTransitionException;
import vn.hocba.store.ProcessingStateRepository;
import vn.hocba.store.PupilRepository;
import vn.hocba.store.RecordRef;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.SigningState;
import vn.hocba.store.StoredAssessment;
import vn.hocba.store.StoredPupil;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.TaskStatus;

/**
 * The store's contract as far as the export uses it, kept in memory. It outlives the export components of a test,
 * as the database outlives a host restart; the JPA store itself is tested by its own module and by the itests.
 */
public final class MemoryStore implements RecordRepository, ProcessingStateRepository, SchoolRepository,
        PupilRepository {

    private final Map<String, School> schools = new LinkedHashMap<>();
    private final Map<String, StoredRecord> records = new LinkedHashMap<>();
    private final Map<String, byte[]> artefacts = new LinkedHashMap<>();
    private final Map<String, ExportState> exports = new LinkedHashMap<>();
    private final Map<String, StoredPupil> pupils = new LinkedHashMap<>();
    private final AtomicInteger puts = new AtomicInteger();
    private volatile boolean down;

    private static String key(SchoolScope scope, RecordRef ref) {
        return scope.schoolCode() + "|" + ref;
    }

    /** Makes every call fail as if the database were unreachable (or back when false). */
    public void down(boolean isDown) {
        down = isDown;
    }

    private void check() {
        if (down) throw new vn.hocba.store.StoreException("CSDL không truy cập được", "database unreachable");
    }

    private int writesUntilDown = -1;

    /** The host dies after this many more writes (exports and transitions): the last one lands, nothing after. */
    public synchronized void downAfterWrites(int writes) {
        writesUntilDown = writes;
        if (writes == 0) down = true;
    }

    private void wrote() {
        if (writesUntilDown > 0 && --writesUntilDown == 0) down = true;
    }

    /** Puts an issued version with its artefacts (what the workflow leaves behind). */
    public synchronized StoredRecord issue(YearRecord record, byte[] xml, byte[] pdf) {
        schools.putIfAbsent(record.school().code(), record.school());
        SchoolScope scope = SchoolScope.of(record.school().code());
        RecordRef ref = new RecordRef(record.recordId(), record.version());
        artefacts.put(key(scope, ref) + "|XML", xml);
        if (pdf != null) artefacts.put(key(scope, ref) + "|PDF", pdf);
        Instant now = Instant.now();
        StoredRecord s = new StoredRecord(record.withState(RecordState.ISSUED), 1, Hashes.sha256(xml),
                new ArtefactInfo(ArtefactKind.PDF, pdf == null ? "" : Hashes.sha256(pdf), pdf == null ? 0 : pdf.length),
                new ArtefactInfo(ArtefactKind.XML, Hashes.sha256(xml), xml.length), now, now, now, 0);
        records.put(key(scope, ref), s);
        return s;
    }

    public int exportWrites() {
        return puts.get();
    }

    @Override public synchronized Optional<StoredRecord> find(SchoolScope scope, RecordRef ref) {
        check();
        return Optional.ofNullable(records.get(key(scope, ref)));
    }

    @Override public synchronized Optional<byte[]> artefact(SchoolScope scope, RecordRef ref, ArtefactKind kind) {
        check();
        return Optional.ofNullable(artefacts.get(key(scope, ref) + "|" + kind));
    }

    @Override public synchronized List<StoredRecord> inState(SchoolScope scope, SchoolYear year, String className,
            Set<RecordState> states) {
        check();
        return records.entrySet().stream().filter(e -> e.getKey().startsWith(scope.schoolCode() + "|"))
                .map(Map.Entry::getValue)
                .filter(r -> r.record().year().equals(year) && states.contains(r.state())
                        && (className == null || r.record().schoolClass().name().equals(className)))
                .toList();
    }

    @Override public synchronized StoredRecord transition(SchoolScope scope, RecordRef ref, RecordState target,
            long expectedRevision, String actor, String reason) {
        check();
        StoredRecord r = records.get(key(scope, ref));
        if (r == null) throw new vn.hocba.store.NotFoundException("không có", "no such record");
        if (r.revision() != expectedRevision) throw new ConflictException("xung đột", "revision moved", null);
        boolean allowed = switch (r.state()) {
            case ISSUED -> target == RecordState.SENT || target == RecordState.REVOKED;
            case SENT -> target == RecordState.ACCEPTED || target == RecordState.REVOKED;
            case ACCEPTED -> target == RecordState.REVOKED;
            default -> false;
        };
        if (!allowed) throw new IllegalTransitionException("không được", r.state() + " -> " + target);
        StoredRecord next = new StoredRecord(r.record().withState(target), r.revision() + 1, r.contentSha256(), r.pdf(),
                r.xml(), r.createdAt(), Instant.now(), r.issuedAt(), r.supersededBy());
        records.put(key(scope, ref), next);
        wrote();
        return next;
    }

    @Override public synchronized ExportState putExport(SchoolScope scope, ExportState state) {
        check();
        puts.incrementAndGet();
        exports.put(key(scope, state.ref()) + "|" + state.exporterId(), state);
        wrote();
        return state;
    }

    @Override public synchronized List<ExportState> exports(SchoolScope scope, RecordRef ref) {
        check();
        String prefix = key(scope, ref) + "|";
        return exports.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
    }

    @Override public synchronized List<ExportState> exportsWithStatus(SchoolScope scope, String exporterId,
            TaskStatus status) {
        check();
        List<ExportState> all = new ArrayList<>();
        exports.forEach((k, v) -> {
            if (k.startsWith(scope.schoolCode() + "|") && v.exporterId().equals(exporterId) && v.status() == status) {
                all.add(v);
            }
        });
        all.sort(Comparator.comparing(ExportState::updatedAt));
        return all;
    }

    @Override public synchronized List<School> schools() {
        return List.copyOf(schools.values());
    }

    @Override public synchronized School saveSchool(School school) {
        schools.put(school.code(), school);
        return school;
    }

    @Override public synchronized Optional<School> school(SchoolScope scope) {
        return Optional.ofNullable(schools.get(scope.schoolCode()));
    }

    @Override public synchronized StoredPupil savePupil(SchoolScope scope, PupilIdentity pupil, long expectedRevision) {
        check();
        String k = scope.schoolCode() + "|" + pupil.pupilCode();
        StoredPupil current = pupils.get(k);
        long revision = current == null ? 0 : current.revision();
        if (revision != expectedRevision) throw new ConflictException("xung đột", "revision moved", null);
        StoredPupil saved = new StoredPupil(pupil, revision + 1);
        pupils.put(k, saved);
        return saved;
    }

    @Override public synchronized Optional<StoredPupil> pupil(SchoolScope scope, String pupilCode) {
        check();
        return Optional.ofNullable(pupils.get(scope.schoolCode() + "|" + pupilCode));
    }

    @Override public synchronized List<StoredPupil> pupils(SchoolScope scope) {
        check();
        return pupils.entrySet().stream().filter(e -> e.getKey().startsWith(scope.schoolCode() + "|"))
                .map(Map.Entry::getValue).toList();
    }

    // --- not used by the export ---
    @Override public SchoolClass saveClass(SchoolScope scope, SchoolClass c) { throw new UnsupportedOperationException(); }
    @Override public List<SchoolClass> classes(SchoolScope scope, SchoolYear year) { throw new UnsupportedOperationException(); }
    @Override public Optional<SchoolClass> schoolClass(SchoolScope scope, SchoolYear year, String n) { throw new UnsupportedOperationException(); }
    @Override public StoredAssessment saveAssessment(SchoolScope s, SchoolYear y, String c, String p, YearAssessment a, long r) { throw new UnsupportedOperationException(); }
    @Override public Optional<StoredAssessment> assessment(SchoolScope s, SchoolYear y, String p) { throw new UnsupportedOperationException(); }
    @Override public List<StoredAssessment> assessmentsOfClass(SchoolScope s, SchoolYear y, String c) { throw new UnsupportedOperationException(); }
    @Override public Optional<StoredRecord> latest(SchoolScope scope, String recordId) { throw new UnsupportedOperationException(); }
    @Override public List<StoredRecord> versions(SchoolScope scope, String recordId) { throw new UnsupportedOperationException(); }
    @Override public Optional<StoredRecord> latestIssued(SchoolScope scope, String recordId) { throw new UnsupportedOperationException(); }
    @Override public Optional<StoredRecord> latestOfPupil(SchoolScope s, SchoolYear y, String p) { throw new UnsupportedOperationException(); }
    @Override public List<StoredRecord> latestOfClass(SchoolScope s, SchoolYear y, String c) { throw new UnsupportedOperationException(); }
    @Override public Map<RecordState, Long> countByState(SchoolScope scope, SchoolYear year) { throw new UnsupportedOperationException(); }
    @Override public StoredRecord saveDraft(SchoolScope s, YearRecord r, long e, String a) { throw new UnsupportedOperationException(); }
    @Override public StoredRecord attachArtefacts(SchoolScope s, RecordRef r, byte[] p, byte[] x, long e, String a) { throw new UnsupportedOperationException(); }
    @Override public Optional<byte[]> canonicalContent(SchoolScope scope, RecordRef ref) { throw new UnsupportedOperationException(); }
    @Override public StoredRecord createCorrection(SchoolScope s, String r, YearRecord.Correction c, String a) { throw new UnsupportedOperationException(); }
    @Override public ClassBatchResult writeClass(SchoolScope s, SchoolClass c, List<YearRecord> r, String a) { throw new UnsupportedOperationException(); }
    @Override public SigningState putSigning(SchoolScope scope, SigningState state) { throw new UnsupportedOperationException(); }
    @Override public List<SigningState> signing(SchoolScope scope, RecordRef ref) { throw new UnsupportedOperationException(); }
    @Override public List<SigningState> signingWithStatus(SchoolScope scope, TaskStatus status) { throw new UnsupportedOperationException(); }
}
