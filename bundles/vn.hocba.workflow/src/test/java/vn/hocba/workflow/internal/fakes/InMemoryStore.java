package vn.hocba.workflow.internal.fakes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import vn.hocba.model.PupilIdentity;
import vn.hocba.model.RecordState;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearRecord;
import vn.hocba.store.ArtefactInfo;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.AuditEntry;
import vn.hocba.store.AuditEvent;
import vn.hocba.store.AuditTrail;
import vn.hocba.store.AuditVerification;
import vn.hocba.store.ClassBatchResult;
import vn.hocba.store.ConflictException;
import vn.hocba.store.ExportState;
import vn.hocba.store.IllegalTransitionException;
import vn.hocba.store.NotFoundException;
import vn.hocba.store.ProcessingStateRepository;
import vn.hocba.store.PupilRepository;
import vn.hocba.store.RecordRef;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.ScopeException;
import vn.hocba.store.SigningState;
import vn.hocba.store.StoreAdmin;
import vn.hocba.store.StoreInfo;
import vn.hocba.store.StoredAssessment;
import vn.hocba.store.StoredPupil;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.TaskStatus;
import vn.hocba.workflow.internal.Hashes;

/**
 * The store API's contract in memory, for the workflow's unit tests (the JPA store is tested on its own): school
 * scoping, revisions, the allowed transitions, artefacts that go with a return to draft, supersede on the issue of a
 * correction, and an audit trail.
 */
public final class InMemoryStore implements RecordRepository, SchoolRepository, PupilRepository,
        ProcessingStateRepository, AuditTrail, StoreAdmin {

    private record Version(YearRecord record, long revision, byte[] pdf, byte[] xml, Instant createdAt,
            Instant updatedAt, Instant issuedAt, int supersededBy) {
    }

    private final Map<String, School> schools = new TreeMap<>();
    private final Map<String, SchoolClass> classes = new TreeMap<>();
    private final Map<String, StoredPupil> pupils = new TreeMap<>();
    private final Map<String, StoredAssessment> assessments = new TreeMap<>();
    private final Map<String, List<Version>> records = new LinkedHashMap<>();
    private final Map<String, SigningState> signing = new LinkedHashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    /** Set by tests: the n-th next write (1 = the next one) kills the "host", as kill -9 would. */
    public volatile int crashAtWrite;
    /**
     * Set by tests: a store without transactions (or a host of an earlier version), where a signing step's artefacts
     * and its state are two writes, so a crash can fall between them.
     */
    public volatile boolean signingStepInTwoWrites;

    private static String k(SchoolScope s, String... parts) {
        return s.schoolCode() + "|" + String.join("|", parts);
    }

    /** What a killed host leaves behind: nothing after the write it was killed in. */
    public static final class HostCrash extends Error {
        private static final long serialVersionUID = 1L;

        public HostCrash() {
            super("host killed");
        }
    }

    private void maybeFail() {
        if (crashAtWrite > 0 && --crashAtWrite == 0) throw new HostCrash();
    }

    // --- schools

    @Override
    public synchronized School saveSchool(School school) {
        schools.put(school.code(), school);
        return school;
    }

    @Override
    public synchronized List<School> schools() {
        return List.copyOf(schools.values());
    }

    @Override
    public synchronized Optional<School> school(SchoolScope scope) {
        return Optional.ofNullable(schools.get(scope.schoolCode()));
    }

    @Override
    public synchronized SchoolClass saveClass(SchoolScope scope, SchoolClass c) {
        if (!c.schoolCode().equals(scope.schoolCode())) throw new ScopeException("khác trường", "another school");
        if (!schools.containsKey(scope.schoolCode())) throw new NotFoundException("không có trường", "no school");
        classes.put(k(scope, c.year().toString(), c.name()), c);
        return c;
    }

    @Override
    public synchronized List<SchoolClass> classes(SchoolScope scope, SchoolYear year) {
        return classes.values().stream().filter(c -> c.schoolCode().equals(scope.schoolCode())
                && c.year().equals(year)).sorted(Comparator.comparingInt(SchoolClass::grade)
                        .thenComparing(SchoolClass::name)).toList();
    }

    @Override
    public synchronized Optional<SchoolClass> schoolClass(SchoolScope scope, SchoolYear year, String className) {
        return Optional.ofNullable(classes.get(k(scope, year.toString(), className)));
    }

    // --- pupils

    @Override
    public synchronized StoredPupil savePupil(SchoolScope scope, PupilIdentity pupil, long expectedRevision) {
        String key = k(scope, pupil.pupilCode());
        long current = pupils.containsKey(key) ? pupils.get(key).revision() : 0;
        if (current != expectedRevision) throw new ConflictException("xung đột", "conflict", null);
        StoredPupil p = new StoredPupil(pupil, current + 1);
        pupils.put(key, p);
        return p;
    }

    @Override
    public synchronized Optional<StoredPupil> pupil(SchoolScope scope, String pupilCode) {
        return Optional.ofNullable(pupils.get(k(scope, pupilCode)));
    }

    @Override
    public synchronized List<StoredPupil> pupils(SchoolScope scope) {
        return pupils.entrySet().stream().filter(e -> e.getKey().startsWith(scope.schoolCode() + "|"))
                .map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized StoredAssessment saveAssessment(SchoolScope scope, SchoolYear year, String className,
            String pupilCode, YearAssessment assessment, long expectedRevision) {
        String key = k(scope, year.toString(), pupilCode);
        long current = assessments.containsKey(key) ? assessments.get(key).revision() : 0;
        if (current != expectedRevision) throw new ConflictException("xung đột", "conflict", null);
        StoredAssessment a = new StoredAssessment(year, className, pupilCode, assessment, current + 1);
        assessments.put(key, a);
        return a;
    }

    @Override
    public synchronized Optional<StoredAssessment> assessment(SchoolScope scope, SchoolYear year, String pupilCode) {
        return Optional.ofNullable(assessments.get(k(scope, year.toString(), pupilCode)));
    }

    @Override
    public synchronized List<StoredAssessment> assessmentsOfClass(SchoolScope scope, SchoolYear year,
            String className) {
        return assessments.entrySet().stream().filter(e -> e.getKey().startsWith(scope.schoolCode() + "|"))
                .map(Map.Entry::getValue).filter(a -> a.year().equals(year) && a.className().equals(className))
                .toList();
    }

    // --- records

    private StoredRecord stored(Version v) {
        return new StoredRecord(v.record(), v.revision(), contentSha(v.record()), info(ArtefactKind.PDF, v.pdf()),
                info(ArtefactKind.XML, v.xml()), v.createdAt(), v.updatedAt(), v.issuedAt(), v.supersededBy());
    }

    private static ArtefactInfo info(ArtefactKind kind, byte[] bytes) {
        return bytes == null ? null : new ArtefactInfo(kind, Hashes.sha256(bytes), bytes.length);
    }

    private static String contentSha(YearRecord r) {
        return Hashes.sha256(r.withState(RecordState.DRAFT).toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<Version> versionsOf(SchoolScope scope, String recordId) {
        return records.getOrDefault(k(scope, recordId), List.of());
    }

    @Override
    public synchronized Optional<StoredRecord> latest(SchoolScope scope, String recordId) {
        List<Version> vs = versionsOf(scope, recordId);
        return vs.isEmpty() ? Optional.empty() : Optional.of(stored(vs.get(vs.size() - 1)));
    }

    @Override
    public synchronized Optional<StoredRecord> find(SchoolScope scope, RecordRef ref) {
        return versionsOf(scope, ref.recordId()).stream().filter(v -> v.record().version() == ref.version())
                .findFirst().map(this::stored);
    }

    @Override
    public synchronized List<StoredRecord> versions(SchoolScope scope, String recordId) {
        return versionsOf(scope, recordId).stream().map(this::stored).toList();
    }

    @Override
    public synchronized Optional<StoredRecord> latestIssued(SchoolScope scope, String recordId) {
        List<Version> vs = versionsOf(scope, recordId);
        for (int i = vs.size() - 1; i >= 0; i--) {
            if (vs.get(i).record().state().isIssued()) return Optional.of(stored(vs.get(i)));
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<StoredRecord> latestOfPupil(SchoolScope scope, SchoolYear year, String pupilCode) {
        return allLatest(scope).stream().filter(r -> r.record().year().equals(year)
                && r.record().pupil().pupilCode().equals(pupilCode)).findFirst();
    }

    private List<StoredRecord> allLatest(SchoolScope scope) {
        List<StoredRecord> out = new ArrayList<>();
        records.forEach((key, vs) -> {
            if (key.startsWith(scope.schoolCode() + "|")) out.add(stored(vs.get(vs.size() - 1)));
        });
        return out;
    }

    @Override
    public synchronized List<StoredRecord> latestOfClass(SchoolScope scope, SchoolYear year, String className) {
        return allLatest(scope).stream().filter(r -> r.record().year().equals(year)
                && r.record().schoolClass().name().equals(className))
                .sorted(Comparator.comparing(r -> r.record().pupil().pupilCode())).toList();
    }

    @Override
    public synchronized List<StoredRecord> inState(SchoolScope scope, SchoolYear year, String className,
            Set<RecordState> states) {
        List<StoredRecord> out = new ArrayList<>();
        records.forEach((key, vs) -> {
            if (!key.startsWith(scope.schoolCode() + "|")) return;
            for (Version v : vs) {
                YearRecord r = v.record();
                if (r.year().equals(year) && (className == null || r.schoolClass().name().equals(className))
                        && states.contains(r.state())) {
                    out.add(stored(v));
                }
            }
        });
        return out;
    }

    @Override
    public synchronized Map<RecordState, Long> countByState(SchoolScope scope, SchoolYear year) {
        Map<RecordState, Long> m = new EnumMap<>(RecordState.class);
        allLatest(scope).stream().filter(r -> r.record().year().equals(year))
                .forEach(r -> m.merge(r.state(), 1L, Long::sum));
        return m;
    }

    @Override
    public synchronized StoredRecord saveDraft(SchoolScope scope, YearRecord record, long expectedRevision,
            String actor) {
        maybeFail();
        if (!record.school().code().equals(scope.schoolCode())) throw new ScopeException("khác trường", "scope");
        String key = k(scope, record.recordId());
        Instant now = Instant.now();
        if (expectedRevision == NEW) {
            if (records.containsKey(key)) throw new ConflictException("đã có", "exists", null);
            Version v = new Version(record.withState(RecordState.DRAFT), 1, null, null, now, now, null, 0);
            records.put(key, new ArrayList<>(List.of(v)));
            append(scope, new AuditEvent(actor, "record.created", record.recordId() + "/v1", "", "", ""));
            return stored(v);
        }
        List<Version> vs = records.get(key);
        if (vs == null) throw new NotFoundException("không có", "none");
        Version last = vs.get(vs.size() - 1);
        if (last.revision() != expectedRevision) throw new ConflictException("xung đột", "conflict", null);
        if (last.record().state() != RecordState.DRAFT) throw new IllegalTransitionException("khoá", "not a draft");
        if (last.record().version() != record.version()) throw new ConflictException("phiên bản", "version", null);
        Version v = new Version(record.withState(RecordState.DRAFT), last.revision() + 1, null, null,
                last.createdAt(), now, null, 0);
        vs.set(vs.size() - 1, v);
        append(scope, new AuditEvent(actor, "record.saved", record.recordId() + "/v" + record.version(), "", "", ""));
        return stored(v);
    }

    private static boolean allowed(RecordState from, RecordState to) {
        return switch (from) {
            case DRAFT -> to == RecordState.LOCKED;
            case LOCKED -> to == RecordState.DRAFT || to == RecordState.TEACHER_SIGNED;
            case TEACHER_SIGNED -> to == RecordState.PRINCIPAL_SIGNED || to == RecordState.DRAFT;
            case PRINCIPAL_SIGNED -> to == RecordState.ISSUED || to == RecordState.DRAFT;
            case ISSUED -> to == RecordState.SENT || to == RecordState.REVOKED;
            case SENT -> to == RecordState.ACCEPTED || to == RecordState.REVOKED;
            case ACCEPTED -> to == RecordState.REVOKED;
            default -> false;
        };
    }

    private int indexOf(List<Version> vs, int version) {
        for (int i = 0; i < vs.size(); i++) if (vs.get(i).record().version() == version) return i;
        throw new NotFoundException("không có", "no version");
    }

    @Override
    public synchronized StoredRecord transition(SchoolScope scope, RecordRef ref, RecordState target,
            long expectedRevision, String actor, String reason) {
        maybeFail();
        List<Version> vs = records.get(k(scope, ref.recordId()));
        if (vs == null) throw new NotFoundException("không có", "none");
        int i = indexOf(vs, ref.version());
        Version v = vs.get(i);
        if (v.revision() != expectedRevision) throw new ConflictException("xung đột", "conflict", null);
        RecordState from = v.record().state();
        if (!allowed(from, target)) {
            throw new IllegalTransitionException("không được", "not allowed: " + from + " -> " + target);
        }
        if ((target == RecordState.REVOKED || target == RecordState.DRAFT) && (reason == null || reason.isBlank())) {
            throw new IllegalTransitionException("cần lý do", "reason required");
        }
        if (target == RecordState.ISSUED && (v.pdf() == null || v.xml() == null)) {
            throw new IllegalTransitionException("thiếu tệp", "artefacts missing");
        }
        Instant now = Instant.now();
        boolean drop = target == RecordState.DRAFT;
        Version n = new Version(v.record().withState(target), v.revision() + 1, drop ? null : v.pdf(),
                drop ? null : v.xml(), v.createdAt(), now, target == RecordState.ISSUED ? now : v.issuedAt(),
                v.supersededBy());
        vs.set(i, n);
        if (target == RecordState.ISSUED && n.record().correction() != null) {
            int old = indexOf(vs, n.record().correction().replacesVersion());
            Version o = vs.get(old);
            vs.set(old, new Version(o.record().withState(RecordState.SUPERSEDED), o.revision() + 1, o.pdf(), o.xml(),
                    o.createdAt(), now, o.issuedAt(), n.record().version()));
        }
        append(scope, new AuditEvent(actor, "record.transition", ref.toString(), "", "", from + "->" + target
                + (reason == null || reason.isEmpty() ? "" : " " + reason)));
        return stored(n);
    }

    @Override
    public synchronized StoredRecord attachArtefacts(SchoolScope scope, RecordRef ref, byte[] pdf, byte[] xml,
            long expectedRevision, String actor) {
        maybeFail();
        List<Version> vs = records.get(k(scope, ref.recordId()));
        if (vs == null) throw new NotFoundException("không có", "none");
        int i = indexOf(vs, ref.version());
        Version v = vs.get(i);
        if (v.revision() != expectedRevision) throw new ConflictException("xung đột", "conflict", null);
        RecordState s = v.record().state();
        if (s == RecordState.DRAFT || s.isIssued() || s == RecordState.SUPERSEDED || s == RecordState.REVOKED) {
            throw new IllegalTransitionException("không đính kèm được", "cannot attach in " + s);
        }
        Version n = new Version(v.record(), v.revision() + 1, pdf == null ? v.pdf() : pdf.clone(),
                xml == null ? v.xml() : xml.clone(), v.createdAt(), Instant.now(), v.issuedAt(), v.supersededBy());
        vs.set(i, n);
        append(scope, new AuditEvent(actor, "record.artefacts", ref.toString(), "", "", ""));
        return stored(n);
    }

    /** One write, as the JPA store's single transaction: a crash in it leaves the version as it was. */
    @Override
    public synchronized StoredRecord attachArtefactsAndTransition(SchoolScope scope, RecordRef ref, byte[] pdf,
            byte[] xml, RecordState target, long expectedRevision, String actor, String reason) {
        if (signingStepInTwoWrites) {
            StoredRecord attached = attachArtefacts(scope, ref, pdf, xml, expectedRevision, actor);
            return transition(scope, ref, target, attached.revision(), actor, reason);
        }
        maybeFail();
        List<Version> vs = records.get(k(scope, ref.recordId()));
        if (vs == null) throw new NotFoundException("không có", "none");
        Version v = vs.get(indexOf(vs, ref.version()));
        if (v.revision() != expectedRevision) throw new ConflictException("xung đột", "conflict", null);
        if (!allowed(v.record().state(), target)) {
            throw new IllegalTransitionException("không được", "not allowed: " + v.record().state() + " -> " + target);
        }
        int saved = crashAtWrite;
        crashAtWrite = 0; // the two parts below are that one write
        try {
            StoredRecord attached = attachArtefacts(scope, ref, pdf, xml, expectedRevision, actor);
            return transition(scope, ref, target, attached.revision(), actor, reason);
        } finally {
            crashAtWrite = saved;
        }
    }

    @Override
    public synchronized Optional<byte[]> artefact(SchoolScope scope, RecordRef ref, ArtefactKind kind) {
        return versionsOf(scope, ref.recordId()).stream().filter(v -> v.record().version() == ref.version())
                .findFirst().map(v -> kind == ArtefactKind.PDF ? v.pdf() : v.xml()).map(byte[]::clone);
    }

    @Override
    public synchronized Optional<byte[]> canonicalContent(SchoolScope scope, RecordRef ref) {
        return find(scope, ref).map(r -> r.record().withState(RecordState.DRAFT).toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized StoredRecord createCorrection(SchoolScope scope, String recordId,
            YearRecord.Correction correction, String actor) {
        maybeFail();
        List<Version> vs = records.get(k(scope, recordId));
        if (vs == null) throw new NotFoundException("không có", "none");
        Version last = vs.get(vs.size() - 1);
        if (!last.record().state().isIssued()) throw new IllegalTransitionException("chưa phát hành", "not issued");
        if (correction.replacesVersion() != last.record().version()) {
            throw new IllegalTransitionException("sai phiên bản", "wrong version");
        }
        YearRecord r = last.record();
        YearRecord next = new YearRecord(r.recordId(), r.version() + 1, RecordState.DRAFT, r.school(),
                r.schoolClass(), r.pupil(), r.history(), r.assessment(), r.outcome(), r.override(), correction,
                r.place(), null);
        Instant now = Instant.now();
        Version v = new Version(next, 1, null, null, now, now, null, 0);
        vs.add(v);
        append(scope, new AuditEvent(actor, "record.correction", recordId + "/v" + next.version(), "", "",
                correction.reason()));
        return stored(v);
    }

    @Override
    public synchronized ClassBatchResult writeClass(SchoolScope scope, SchoolClass schoolClass,
            List<YearRecord> batch, String actor) {
        saveClass(scope, schoolClass);
        List<StoredRecord> written = new ArrayList<>();
        List<ClassBatchResult.Refusal> refused = new ArrayList<>();
        for (YearRecord r : batch) {
            Optional<StoredRecord> existing = latest(scope, r.recordId());
            if (existing.isEmpty()) {
                written.add(saveDraft(scope, r, NEW, actor));
            } else if (existing.get().state() == RecordState.DRAFT) {
                written.add(saveDraft(scope, r, existing.get().revision(), actor));
            } else {
                refused.add(new ClassBatchResult.Refusal(r.recordId(), r.pupil().pupilCode(),
                        existing.get().state(), "đã khoá", "locked"));
            }
        }
        return new ClassBatchResult(written, List.of(), refused);
    }

    // --- processing state

    @Override
    public synchronized SigningState putSigning(SchoolScope scope, SigningState state) {
        signing.put(k(scope, state.ref().toString(), state.role()), state);
        return state;
    }

    @Override
    public synchronized List<SigningState> signing(SchoolScope scope, RecordRef ref) {
        return signing.entrySet().stream().filter(e -> e.getKey().startsWith(k(scope, ref.toString()) + "|"))
                .map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized List<SigningState> signingWithStatus(SchoolScope scope, TaskStatus status) {
        return signing.entrySet().stream().filter(e -> e.getKey().startsWith(scope.schoolCode() + "|"))
                .map(Map.Entry::getValue).filter(s -> s.status() == status).toList();
    }

    @Override
    public ExportState putExport(SchoolScope scope, ExportState state) {
        throw new UnsupportedOperationException("not used by the workflow");
    }

    @Override
    public List<ExportState> exports(SchoolScope scope, RecordRef ref) {
        return List.of();
    }

    @Override
    public List<ExportState> exportsWithStatus(SchoolScope scope, String exporterId, TaskStatus status) {
        return List.of();
    }

    // --- audit

    @Override
    public synchronized AuditEntry append(SchoolScope scope, AuditEvent event) {
        if (!schools.containsKey(scope.schoolCode())) throw new NotFoundException("không có trường", "no school");
        long seq = audit.stream().filter(a -> a.schoolCode().equals(scope.schoolCode())).count() + 1;
        AuditEntry e = new AuditEntry(scope.schoolCode(), seq, Instant.now(), event, "", "");
        audit.add(e);
        return e;
    }

    @Override
    public synchronized List<AuditEntry> entries(SchoolScope scope, long fromSeq, int limit) {
        return audit.stream().filter(a -> a.schoolCode().equals(scope.schoolCode()) && a.seq() >= fromSeq)
                .limit(limit).toList();
    }

    @Override
    public AuditVerification verify(SchoolScope scope) {
        return new AuditVerification(true, entries(scope, 1, Integer.MAX_VALUE).size(), 0, "", "", "");
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo("memory", 1, "memory:");
    }

    @Override
    public vn.hocba.store.BackupResult backup(Path targetDir) {
        throw new UnsupportedOperationException();
    }
}
