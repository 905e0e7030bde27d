package vn.hocba.assessment.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import vn.hocba.model.RecordState;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearRecord;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.ClassBatchResult;
import vn.hocba.store.NotFoundException;
import vn.hocba.store.RecordRef;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.ScopeException;
import vn.hocba.store.StoredRecord;

/**
 * The part of the store API the import uses (schools, classes, records and the class batch), in memory, with the
 * semantics of the store's contract: a batch is all or nothing, a draft with identical content is reported
 * unchanged, a record that is no longer a draft is refused with the reason, other schools are invisible. Tests
 * count {@link #writes()} to prove that a refused import wrote nothing.
 */
public final class InMemoryStore implements SchoolRepository, RecordRepository {

    private final Map<String, School> schools = new TreeMap<>();
    private final Map<String, SchoolClass> classes = new TreeMap<>();
    /** school code → record id → versions, oldest first */
    private final Map<String, Map<String, List<StoredRecord>>> records = new HashMap<>();
    /** school|year|pupil code → record id */
    private final Map<String, String> byPupil = new HashMap<>();
    private long revisions;
    private int writes;
    private RuntimeException failNextBatch;

    /** How many store calls changed something (school, class or record writes). */
    public synchronized int writes() {
        return writes;
    }

    /** Makes the next class batch fail with this exception, after nothing was written (a failed transaction). */
    public synchronized void failNextBatch(RuntimeException e) {
        this.failNextBatch = e;
    }

    /** Moves a record's latest version to another state, as the workflow would (no checks). */
    public synchronized StoredRecord setState(String schoolCode, String recordId, RecordState state) {
        List<StoredRecord> versions = records.get(schoolCode).get(recordId);
        StoredRecord last = versions.get(versions.size() - 1);
        StoredRecord moved = stored(last.record().withState(state), last.createdAt());
        versions.set(versions.size() - 1, moved);
        writes++;
        return moved;
    }

    /** Every latest record of a school, by record id. */
    public synchronized Map<String, YearRecord> latestRecords(String schoolCode) {
        Map<String, YearRecord> out = new TreeMap<>();
        records.getOrDefault(schoolCode, Map.of()).forEach((id, v) -> out.put(id, v.get(v.size() - 1).record()));
        return out;
    }

    // ---- SchoolRepository

    @Override
    public synchronized School saveSchool(School school) {
        schools.put(school.code(), school);
        writes++;
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
    public synchronized SchoolClass saveClass(SchoolScope scope, SchoolClass schoolClass) {
        if (!schoolClass.schoolCode().equals(scope.schoolCode())) {
            throw new ScopeException("Lớp thuộc trường khác.", "The class belongs to another school.");
        }
        if (!schools.containsKey(scope.schoolCode())) {
            throw new NotFoundException("Trường chưa đăng ký.", "The school is not registered.");
        }
        classes.put(classKey(scope.schoolCode(), schoolClass.year(), schoolClass.name()), schoolClass);
        writes++;
        return schoolClass;
    }

    @Override
    public synchronized List<SchoolClass> classes(SchoolScope scope, SchoolYear year) {
        return classes.values().stream()
                .filter(c -> c.schoolCode().equals(scope.schoolCode()) && c.year().equals(year))
                .sorted(Comparator.comparingInt(SchoolClass::grade).thenComparing(SchoolClass::name)).toList();
    }

    @Override
    public synchronized Optional<SchoolClass> schoolClass(SchoolScope scope, SchoolYear year, String className) {
        return Optional.ofNullable(classes.get(classKey(scope.schoolCode(), year, className)));
    }

    // ---- RecordRepository: what the import uses

    @Override
    public synchronized Optional<StoredRecord> latest(SchoolScope scope, String recordId) {
        List<StoredRecord> v = records.getOrDefault(scope.schoolCode(), Map.of()).get(recordId);
        return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    @Override
    public synchronized Optional<StoredRecord> latestOfPupil(SchoolScope scope, SchoolYear year, String pupilCode) {
        String id = byPupil.get(scope.schoolCode() + "|" + year + "|" + pupilCode);
        return id == null ? Optional.empty() : latest(scope, id);
    }

    @Override
    public synchronized List<StoredRecord> latestOfClass(SchoolScope scope, SchoolYear year, String className) {
        return latestOfSchool(scope).stream()
                .filter(r -> r.record().year().equals(year) && r.record().schoolClass().name().equals(className))
                .sorted(Comparator.comparing(r -> r.record().pupil().pupilCode())).toList();
    }

    @Override
    public synchronized ClassBatchResult writeClass(SchoolScope scope, SchoolClass schoolClass,
            List<YearRecord> batch, String actor) {
        if (!schoolClass.schoolCode().equals(scope.schoolCode())) {
            throw new ScopeException("Lớp thuộc trường khác.", "The class belongs to another school.");
        }
        for (YearRecord r : batch) {
            if (!r.school().code().equals(scope.schoolCode())) {
                throw new ScopeException("Học bạ thuộc trường khác.", "The record belongs to another school.");
            }
            if (!r.schoolClass().name().equals(schoolClass.name()) || !r.year().equals(schoolClass.year())) {
                throw new ScopeException("Học bạ thuộc lớp khác.", "The record belongs to another class.");
            }
        }
        if (failNextBatch != null) {
            RuntimeException e = failNextBatch;
            failNextBatch = null;
            throw e;
        }
        if (!schools.containsKey(scope.schoolCode())) {
            throw new NotFoundException("Trường chưa đăng ký.", "The school is not registered.");
        }
        Map<String, List<StoredRecord>> ofSchool = records.computeIfAbsent(scope.schoolCode(), k -> new LinkedHashMap<>());
        List<StoredRecord> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<ClassBatchResult.Refusal> refused = new ArrayList<>();
        Map<String, List<StoredRecord>> staged = new HashMap<>();
        for (YearRecord r : batch) {
            List<StoredRecord> versions = ofSchool.get(r.recordId());
            StoredRecord last = versions == null ? null : versions.get(versions.size() - 1);
            YearRecord draft = r.withState(RecordState.DRAFT);
            if (last == null) {
                StoredRecord s = stored(draft, Instant.now());
                staged.put(r.recordId(), new ArrayList<>(List.of(s)));
                written.add(s);
            } else if (last.state() != RecordState.DRAFT) {
                refused.add(new ClassBatchResult.Refusal(r.recordId(), r.pupil().pupilCode(), last.state(),
                        "Học bạ của học sinh " + r.pupil().fullName() + " đang ở trạng thái \"" + last.state().label()
                                + "\" nên không được ghi đè.",
                        "The record of " + r.pupil().fullName() + " is " + last.state() + " and is not overwritten."));
            } else if (last.record().equals(draft)) {
                unchanged.add(r.recordId());
            } else {
                StoredRecord s = stored(draft, last.createdAt());
                List<StoredRecord> copy = new ArrayList<>(versions);
                copy.set(copy.size() - 1, s);
                staged.put(r.recordId(), copy);
                written.add(s);
            }
        }
        classes.put(classKey(scope.schoolCode(), schoolClass.year(), schoolClass.name()), schoolClass);
        ofSchool.putAll(staged);
        staged.forEach((id, v) -> byPupil.put(scope.schoolCode() + "|" + v.get(0).record().year() + "|"
                + v.get(0).record().pupil().pupilCode(), id));
        if (!written.isEmpty()) writes++;
        return new ClassBatchResult(written, unchanged, refused);
    }

    private List<StoredRecord> latestOfSchool(SchoolScope scope) {
        return records.getOrDefault(scope.schoolCode(), Map.of()).values().stream()
                .map(v -> v.get(v.size() - 1)).toList();
    }

    private StoredRecord stored(YearRecord r, Instant created) {
        Instant now = Instant.now();
        return new StoredRecord(r, ++revisions, sha256(r.withState(RecordState.DRAFT).toString()), null, null,
                created, now, null, 0);
    }

    private static String classKey(String school, SchoolYear year, String className) {
        return school + "|" + year + "|" + className;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- RecordRepository: not used by the import

    @Override
    public Optional<StoredRecord> find(SchoolScope scope, RecordRef ref) {
        throw new UnsupportedOperationException("not used by the import");
    }

    @Override
    public List<StoredRecord> versions(SchoolScope scope, String recordId) {
        throw new UnsupportedOperationException("not used by the import");
    }

    @Override
    public Optional<StoredRecord> latestIssued(SchoolScope scope, String recordId) {
        throw new UnsupportedOperationException("not used by the import");
    }

    @Override
    public List<StoredRecord> inState(SchoolScope scope, SchoolYear year, String className, Set<RecordState> states) {
        throw new UnsupportedOperationException("not used by the import");
    }

    @Override
    public synchronized Map<RecordState, Long> countByState(SchoolScope scope, SchoolYear year) {
        Map<RecordState, Long> out = new java.util.EnumMap<>(RecordState.class);
        for (StoredRecord r : latestOfSchool(scope)) {
            if (r.record().year().equals(year)) out.merge(r.state(), 1L, Long::sum);
        }
        return out;
    }

    @Override
    public StoredRecord saveDraft(SchoolScope scope, YearRecord record, long expectedRevision, String actor) {
        throw new UnsupportedOperationException("not used by the import");
    }

    @Override
    public StoredRecord transition(SchoolScope scope, RecordRef ref, RecordState target, long expectedRevision,
            String actor, String reason) {
        throw new UnsupportedOperationException("not used by the import");
    }

    @Override
    public StoredRecord attachArtefacts(SchoolScope scope, RecordRef ref, byte[] pdf, byte[] xml,
            long expectedRevision, String actor) {
        throw new UnsupportedOperationException("not used by the import");
    }

    @Override
    public Optional<byte[]> artefact(SchoolScope scope, RecordRef ref, ArtefactKind kind) {
        throw new UnsupportedOperationException("not used by the import");
    }

    @Override
    public Optional<byte[]> canonicalContent(SchoolScope scope, RecordRef ref) {
        throw new UnsupportedOperationException("not used by the import");
    }

    @Override
    public StoredRecord createCorrection(SchoolScope scope, String recordId, YearRecord.Correction correction,
            String actor) {
        throw new UnsupportedOperationException("not used by the import");
    }
}
