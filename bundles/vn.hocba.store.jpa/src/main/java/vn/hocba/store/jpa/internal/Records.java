package vn.hocba.store.jpa.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import javax.persistence.EntityManager;

import vn.hocba.model.RecordState;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Text;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearRecord;
import vn.hocba.store.ArtefactInfo;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.AuditEvent;
import vn.hocba.store.ClassBatchResult;
import vn.hocba.store.ConflictException;
import vn.hocba.store.IllegalTransitionException;
import vn.hocba.store.NotFoundException;
import vn.hocba.store.RecordRef;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.ScopeException;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.jpa.internal.entity.ArtefactRow;
import vn.hocba.store.jpa.internal.entity.Keys;
import vn.hocba.store.jpa.internal.entity.PupilRow;
import vn.hocba.store.jpa.internal.entity.RecordVersionRow;

/** Year records and their versions on JPA. */
final class Records implements RecordRepository {

    /** Rows flushed (and the persistence context cleared) at a time in a class batch, to bound memory. */
    static final int BATCH_FLUSH = 100;

    private static final Set<RecordState> ISSUED = EnumSet.of(RecordState.ISSUED, RecordState.SENT, RecordState.ACCEPTED);
    private static final Map<RecordState, Set<RecordState>> STEPS = new EnumMap<>(RecordState.class);

    static {
        STEPS.put(RecordState.DRAFT, EnumSet.of(RecordState.LOCKED));
        STEPS.put(RecordState.LOCKED, EnumSet.of(RecordState.DRAFT, RecordState.TEACHER_SIGNED));
        STEPS.put(RecordState.TEACHER_SIGNED, EnumSet.of(RecordState.PRINCIPAL_SIGNED, RecordState.DRAFT));
        STEPS.put(RecordState.PRINCIPAL_SIGNED, EnumSet.of(RecordState.ISSUED, RecordState.DRAFT));
        STEPS.put(RecordState.ISSUED, EnumSet.of(RecordState.SENT, RecordState.REVOKED));
        STEPS.put(RecordState.SENT, EnumSet.of(RecordState.ACCEPTED, RecordState.REVOKED));
        STEPS.put(RecordState.ACCEPTED, EnumSet.of(RecordState.REVOKED));
        STEPS.put(RecordState.SUPERSEDED, EnumSet.noneOf(RecordState.class));
        STEPS.put(RecordState.REVOKED, EnumSet.noneOf(RecordState.class));
    }

    private static final String LATEST = " AND v.versionNo = (SELECT MAX(w.versionNo) FROM RecordVersionRow w"
            + " WHERE w.schoolCode = v.schoolCode AND w.recordId = v.recordId)";

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    Records(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reads

    @Override
    public Optional<StoredRecord> latest(SchoolScope scope, String recordId) {
        return db.read(em -> Optional.ofNullable(latestRow(em, scope.schoolCode(), Text.orEmpty(recordId)))
                .map(r -> toStored(em, r)));
    }

    @Override
    public Optional<StoredRecord> find(SchoolScope scope, RecordRef ref) {
        return db.read(em -> Optional.ofNullable(row(em, scope.schoolCode(), ref)).map(r -> toStored(em, r)));
    }

    @Override
    public List<StoredRecord> versions(SchoolScope scope, String recordId) {
        return db.read(em -> toStored(em, em.createQuery("SELECT v FROM RecordVersionRow v WHERE v.schoolCode = :s"
                + " AND v.recordId = :r ORDER BY v.versionNo", RecordVersionRow.class)
                .setParameter("s", scope.schoolCode()).setParameter("r", Text.orEmpty(recordId)).getResultList()));
    }

    @Override
    public Optional<StoredRecord> latestIssued(SchoolScope scope, String recordId) {
        return db.read(em -> em.createQuery("SELECT v FROM RecordVersionRow v WHERE v.schoolCode = :s"
                + " AND v.recordId = :r AND v.state IN :states ORDER BY v.versionNo DESC", RecordVersionRow.class)
                .setParameter("s", scope.schoolCode()).setParameter("r", Text.orEmpty(recordId))
                .setParameter("states", names(ISSUED)).setMaxResults(1).getResultList().stream().findFirst()
                .map(r -> toStored(em, r)));
    }

    @Override
    public Optional<StoredRecord> latestOfPupil(SchoolScope scope, SchoolYear year, String pupilCode) {
        return db.read(em -> em.createQuery("SELECT v FROM RecordVersionRow v WHERE v.schoolCode = :s"
                + " AND v.schoolYear = :y AND v.pupilCode = :p ORDER BY v.versionNo DESC", RecordVersionRow.class)
                .setParameter("s", scope.schoolCode()).setParameter("y", year.startYear())
                .setParameter("p", Text.orEmpty(pupilCode)).setMaxResults(1).getResultList().stream().findFirst()
                .map(r -> toStored(em, r)));
    }

    @Override
    public List<StoredRecord> latestOfClass(SchoolScope scope, SchoolYear year, String className) {
        return db.read(em -> toStored(em, em.createQuery("SELECT v FROM RecordVersionRow v WHERE v.schoolCode = :s"
                + " AND v.schoolYear = :y AND v.className = :c" + LATEST + " ORDER BY v.pupilCode",
                RecordVersionRow.class).setParameter("s", scope.schoolCode()).setParameter("y", year.startYear())
                .setParameter("c", Text.orEmpty(className)).getResultList()));
    }

    @Override
    public List<StoredRecord> inState(SchoolScope scope, SchoolYear year, String className, Set<RecordState> states) {
        if (states.isEmpty()) return List.of();
        return db.read(em -> {
            var q = em.createQuery("SELECT v FROM RecordVersionRow v WHERE v.schoolCode = :s AND v.schoolYear = :y"
                    + (className == null ? "" : " AND v.className = :c")
                    + " AND v.state IN :states ORDER BY v.className, v.pupilCode, v.versionNo", RecordVersionRow.class)
                    .setParameter("s", scope.schoolCode()).setParameter("y", year.startYear())
                    .setParameter("states", names(states));
            if (className != null) q.setParameter("c", Text.orEmpty(className));
            return toStored(em, q.getResultList());
        });
    }

    @Override
    public Map<RecordState, Long> countByState(SchoolScope scope, SchoolYear year) {
        return db.read(em -> {
            Map<RecordState, Long> counts = new EnumMap<>(RecordState.class);
            for (RecordState s : RecordState.values()) counts.put(s, 0L);
            for (Object[] row : em.createQuery("SELECT v.state, COUNT(v) FROM RecordVersionRow v"
                    + " WHERE v.schoolCode = :s AND v.schoolYear = :y" + LATEST + " GROUP BY v.state", Object[].class)
                    .setParameter("s", scope.schoolCode()).setParameter("y", year.startYear()).getResultList()) {
                counts.put(RecordState.valueOf((String) row[0]), ((Number) row[1]).longValue());
            }
            return counts;
        });
    }

    @Override
    public Optional<byte[]> artefact(SchoolScope scope, RecordRef ref, ArtefactKind kind) {
        return db.read(em -> Optional.ofNullable(em.find(ArtefactRow.class, new Keys.VersionPartKey(
                scope.schoolCode(), ref.recordId(), ref.version(), kind.name()))).map(a -> a.content.clone()));
    }

    @Override
    public Optional<byte[]> canonicalContent(SchoolScope scope, RecordRef ref) {
        return db.read(em -> Optional.ofNullable(row(em, scope.schoolCode(), ref)).map(r -> r.content.clone()));
    }

    // ---- writes

    @Override
    public StoredRecord saveDraft(SchoolScope scope, YearRecord record, long expectedRevision, String actor) {
        Scopes.check(scope, record);
        return db.inTransaction(em -> {
            AuditLog.Chain chain = audit.begin(em, scope.schoolCode());
            RecordVersionRow row = latestRow(em, scope.schoolCode(), record.recordId());
            if (expectedRevision == NEW) {
                if (row != null) Revisions.check(row.revision, NEW, "record " + record.recordId());
                if (record.version() != 1) {
                    throw new IllegalTransitionException("Học bạ mới bắt đầu từ phiên bản 1.",
                            "A new record starts at version 1, not " + record.version() + ".");
                }
                checkOneRecordPerPupil(em, scope.schoolCode(), record);
                row = newRow(record, clock.millis());
                em.persist(row);
                chain.add(new AuditEvent(actor, "record.create", ref(row), "", row.contentSha256, ""));
            } else {
                if (row == null) throw notFound(record.recordId());
                if (row.versionNo != record.version()) {
                    throw new ConflictException("Phiên bản mới nhất của học bạ " + record.recordId() + " là "
                            + row.versionNo + ", không phải " + record.version() + ".",
                            "The latest version of record " + record.recordId() + " is " + row.versionNo + ", not "
                                    + record.version() + ".", null);
                }
                Revisions.check(row.revision, expectedRevision, "record " + ref(row));
                requireDraft(row);
                String before = row.contentSha256;
                if (setContent(row, record)) {
                    row.updatedAt = clock.millis();
                    chain.add(new AuditEvent(actor, "record.save", ref(row), before, row.contentSha256, ""));
                }
            }
            chain.finish();
            em.flush();
            return toStored(em, row);
        });
    }

    @Override
    public StoredRecord transition(SchoolScope scope, RecordRef ref, RecordState target, long expectedRevision,
            String actor, String reason) {
        return db.inTransaction(em -> {
            AuditLog.Chain chain = audit.begin(em, scope.schoolCode());
            RecordVersionRow row = row(em, scope.schoolCode(), ref);
            if (row == null) throw notFound(ref.toString());
            Revisions.check(row.revision, expectedRevision, "record " + ref);
            move(em, chain, row, ref, target, actor, reason);
            chain.finish();
            em.flush();
            return toStored(em, row);
        });
    }

    /** The state change of {@link #transition}, inside the caller's transaction. */
    private void move(EntityManager em, AuditLog.Chain chain, RecordVersionRow row, RecordRef ref, RecordState target,
            String actor, String reason) {
        checkMove(row, ref, target, reason);
        String why = Text.orEmpty(reason);
        RecordState from = RecordState.valueOf(row.state);
        long now = clock.millis();
        List<ArtefactRow> artefacts = artefactRows(em, row.schoolCode, ref);
        if (target == RecordState.ISSUED) {
            issue(em, chain, row, artefacts, actor, now);
        } else if (target == RecordState.DRAFT) {
            for (ArtefactRow a : artefacts) em.remove(a);
        }
        row.state = target.name();
        row.updatedAt = now;
        chain.add(new AuditEvent(actor, "record.transition", ref.toString(), row.contentSha256,
                row.contentSha256, from + "->" + target + (why.isEmpty() ? "" : ": " + why)));
    }

    /** Whether the state machine allows the move; checked before anything is written. */
    private static void checkMove(RecordVersionRow row, RecordRef ref, RecordState target, String reason) {
        String why = Text.orEmpty(reason);
        RecordState from = RecordState.valueOf(row.state);
        if (!STEPS.get(from).contains(target)) {
            throw new IllegalTransitionException(
                    "Không thể chuyển học bạ " + ref + " từ \"" + from.label() + "\" sang \"" + target.label()
                            + "\".",
                    "Record " + ref + " cannot go from " + from + " to " + target + ".");
        }
        if ((target == RecordState.DRAFT || target == RecordState.REVOKED) && why.isEmpty()) {
            throw new IllegalTransitionException("Cần ghi lí do khi " + (target == RecordState.DRAFT
                    ? "mở lại học bạ để sửa." : "thu hồi học bạ."),
                    "A reason is required to " + (target == RecordState.DRAFT ? "reopen" : "revoke")
                            + " a record.");
        }
    }

    /** Issuing freezes the version and its artefacts, and supersedes the version a correction replaces. */
    private void issue(EntityManager em, AuditLog.Chain chain, RecordVersionRow row, List<ArtefactRow> artefacts,
            String actor, long now) {
        boolean pdf = artefacts.stream().anyMatch(a -> a.part.equals(ArtefactKind.PDF.name()));
        boolean xml = artefacts.stream().anyMatch(a -> a.part.equals(ArtefactKind.XML.name()));
        if (!pdf || !xml) {
            throw new IllegalTransitionException(
                    "Chỉ phát hành được khi đã có đủ tệp PDF và XML đã ký của học bạ " + ref(row) + ".",
                    "Record " + ref(row) + " can be issued only with both its signed PDF and XML attached.");
        }
        row.issuedAt = now;
        for (ArtefactRow a : artefacts) a.frozen = 1;
        if (row.replacesVersion != null) {
            RecordVersionRow old = row(em, row.schoolCode, new RecordRef(row.recordId, row.replacesVersion));
            if (old != null && ISSUED.contains(RecordState.valueOf(old.state))) {
                old.state = RecordState.SUPERSEDED.name();
                old.supersededBy = row.versionNo;
                old.updatedAt = now;
                chain.add(new AuditEvent(actor, "record.transition", ref(old), old.contentSha256, old.contentSha256,
                        "->" + RecordState.SUPERSEDED + ": superseded by v" + row.versionNo));
            }
        }
    }

    @Override
    public StoredRecord attachArtefacts(SchoolScope scope, RecordRef ref, byte[] pdf, byte[] xml,
            long expectedRevision, String actor) {
        return db.inTransaction(em -> {
            AuditLog.Chain chain = audit.begin(em, scope.schoolCode());
            RecordVersionRow row = row(em, scope.schoolCode(), ref);
            if (row == null) throw notFound(ref.toString());
            Revisions.check(row.revision, expectedRevision, "record " + ref);
            attach(em, chain, row, pdf, xml, actor);
            chain.finish();
            em.flush();
            return toStored(em, row);
        });
    }

    /** Both writes of a signing step in one transaction: a crash or a refusal leaves the version as it was. */
    @Override
    public StoredRecord attachArtefactsAndTransition(SchoolScope scope, RecordRef ref, byte[] pdf, byte[] xml,
            RecordState target, long expectedRevision, String actor, String reason) {
        return db.inTransaction(em -> {
            AuditLog.Chain chain = audit.begin(em, scope.schoolCode());
            RecordVersionRow row = row(em, scope.schoolCode(), ref);
            if (row == null) throw notFound(ref.toString());
            Revisions.check(row.revision, expectedRevision, "record " + ref);
            checkMove(row, ref, target, reason); // a refused step writes nothing, not even the artefacts
            attach(em, chain, row, pdf, xml, actor);
            move(em, chain, row, ref, target, actor, reason);
            chain.finish();
            em.flush();
            return toStored(em, row);
        });
    }

    /** The artefact writes of {@link #attachArtefacts}, inside the caller's transaction. */
    private void attach(EntityManager em, AuditLog.Chain chain, RecordVersionRow row, byte[] pdf, byte[] xml,
            String actor) {
        RecordState state = RecordState.valueOf(row.state);
        if (state != RecordState.LOCKED && state != RecordState.TEACHER_SIGNED
                && state != RecordState.PRINCIPAL_SIGNED) {
            throw new IllegalTransitionException(
                    "Chỉ gắn được tệp PDF/XML khi học bạ đã khoá sổ và chưa phát hành (hiện: " + state.label()
                            + ").",
                    "PDF/XML can be attached only to a locked, not yet issued version (it is " + state + ").");
        }
        putArtefact(em, chain, row, ArtefactKind.PDF, pdf, actor);
        putArtefact(em, chain, row, ArtefactKind.XML, xml, actor);
        row.updatedAt = clock.millis(); // a change of the version row: its revision moves on
    }

    private static void putArtefact(EntityManager em, AuditLog.Chain chain, RecordVersionRow row, ArtefactKind kind,
            byte[] bytes, String actor) {
        if (bytes == null) return;
        ArtefactRow a = em.find(ArtefactRow.class,
                new Keys.VersionPartKey(row.schoolCode, row.recordId, row.versionNo, kind.name()));
        String before = a == null ? "" : a.sha256;
        if (a == null) {
            a = new ArtefactRow();
            a.schoolCode = row.schoolCode;
            a.recordId = row.recordId;
            a.versionNo = row.versionNo;
            a.part = kind.name();
            em.persist(a);
        }
        a.content = bytes.clone();
        a.sha256 = Hashes.sha256(a.content);
        a.byteSize = a.content.length;
        a.frozen = 0;
        chain.add(new AuditEvent(actor, "record.artefact", ref(row) + "/" + kind, before, a.sha256, ""));
    }

    @Override
    public StoredRecord createCorrection(SchoolScope scope, String recordId, YearRecord.Correction correction,
            String actor) {
        return db.inTransaction(em -> {
            AuditLog.Chain chain = audit.begin(em, scope.schoolCode());
            RecordVersionRow latest = latestRow(em, scope.schoolCode(), Text.orEmpty(recordId));
            if (latest == null) throw notFound(recordId);
            if (!ISSUED.contains(RecordState.valueOf(latest.state))) {
                throw new IllegalTransitionException(
                        "Chỉ đính chính được học bạ đã phát hành; phiên bản mới nhất " + ref(latest) + " đang ở trạng thái "
                                + RecordState.valueOf(latest.state).label() + ".",
                        "Only an issued record can be corrected; the latest version " + ref(latest) + " is "
                                + latest.state + ".");
            }
            if (correction.replacesVersion() != latest.versionNo) {
                throw new IllegalTransitionException(
                        "Bản đính chính phải thay thế phiên bản " + latest.versionNo + ".",
                        "The correction must replace version " + latest.versionNo + ", not "
                                + correction.replacesVersion() + ".");
            }
            YearRecord old = Codecs.RECORD.read(latest.content, YearRecord.class);
            YearRecord next = new YearRecord(old.recordId(), latest.versionNo + 1, RecordState.DRAFT, old.school(),
                    old.schoolClass(), old.pupil(), old.history(), old.assessment(), old.outcome(), old.override(),
                    correction, old.place(), null);
            RecordVersionRow row = newRow(next, clock.millis());
            em.persist(row);
            chain.add(new AuditEvent(actor, "record.correction", ref(row), latest.contentSha256, row.contentSha256,
                    "replaces v" + latest.versionNo + ": " + correction.reason() + " (approved by "
                            + correction.approvedBy() + ")"));
            chain.finish();
            em.flush();
            return toStored(em, row);
        });
    }

    @Override
    public ClassBatchResult writeClass(SchoolScope scope, SchoolClass schoolClass, List<YearRecord> records,
            String actor) {
        return writeClass(scope, schoolClass, records, actor, written -> { });
    }

    /**
     * The batch write, with a hook called after each intermediate flush (the crash test kills the process there,
     * while part of the class is in the database but not committed).
     */
    ClassBatchResult writeClass(SchoolScope scope, SchoolClass schoolClass, List<YearRecord> records, String actor,
            IntConsumer afterFlush) {
        Scopes.check(scope, schoolClass);
        for (YearRecord r : records) {
            Scopes.check(scope, r);
            if (!r.schoolClass().year().equals(schoolClass.year()) || !r.schoolClass().name().equals(schoolClass.name())) {
                throw new ScopeException("Học bạ " + r.recordId() + " thuộc lớp " + r.schoolClass().name() + " năm "
                        + r.schoolClass().year() + ", không thuộc lớp " + schoolClass.name() + ".",
                        "Record " + r.recordId() + " is of class " + r.schoolClass().name() + " "
                                + r.schoolClass().year() + ", not of class " + schoolClass.name() + ".");
            }
        }
        String school = scope.schoolCode();
        return db.inTransaction(em -> {
            AuditLog.Chain chain = audit.begin(em, school);
            long now = clock.millis();
            Schools.upsertClass(em, schoolClass, now);
            Map<String, PupilRow> pupils = new HashMap<>();
            for (PupilRow p : em.createQuery("SELECT p FROM PupilRow p WHERE p.schoolCode = :s AND p.pupilCode IN :c",
                    PupilRow.class).setParameter("s", school).setParameter("c", pupilCodes(records)).getResultList()) {
                pupils.put(p.pupilCode, p);
            }
            Map<String, RecordVersionRow> latest = latestRows(em, school,
                    records.stream().map(YearRecord::recordId).distinct().toList());
            List<RecordVersionRow> writtenRows = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            List<ClassBatchResult.Refusal> refused = new ArrayList<>();
            int sinceFlush = 0;
            for (YearRecord r : records) {
                Pupils.upsertPupil(em, school, r.pupil(), pupils.get(r.pupil().pupilCode()), now);
                RecordVersionRow row = latest.get(r.recordId());
                if (row == null) {
                    row = newRow(r.withState(RecordState.DRAFT), now);
                    em.persist(row);
                    writtenRows.add(row);
                    chain.add(new AuditEvent(actor, "record.create", ref(row), "", row.contentSha256, "batch"));
                } else if (!RecordState.DRAFT.name().equals(row.state)) {
                    RecordState st = RecordState.valueOf(row.state);
                    refused.add(new ClassBatchResult.Refusal(r.recordId(), r.pupil().pupilCode(), st,
                            "Học bạ của học sinh " + r.pupil().fullName() + " đang ở trạng thái \"" + st.label()
                                    + "\" nên không được ghi đè.",
                            "The record of " + r.pupil().fullName() + " is " + st + " and is not overwritten."));
                    continue;
                } else {
                    String before = row.contentSha256;
                    if (!setContent(row, r.withState(RecordState.DRAFT))) {
                        unchanged.add(r.recordId());
                        continue;
                    }
                    row.updatedAt = now;
                    writtenRows.add(row);
                    chain.add(new AuditEvent(actor, "record.save", ref(row), before, row.contentSha256, "batch"));
                }
                if (++sinceFlush == BATCH_FLUSH) {
                    em.flush();
                    sinceFlush = 0;
                    afterFlush.accept(writtenRows.size());
                }
            }
            chain.finish();
            em.flush();
            List<StoredRecord> written = toStored(em, writtenRows);
            return new ClassBatchResult(written, unchanged, refused);
        });
    }

    // ---- helpers

    private static void checkOneRecordPerPupil(EntityManager em, String school, YearRecord record) {
        List<String> other = em.createQuery("SELECT v.recordId FROM RecordVersionRow v WHERE v.schoolCode = :s"
                + " AND v.schoolYear = :y AND v.pupilCode = :p AND v.recordId <> :r", String.class)
                .setParameter("s", school).setParameter("y", record.year().startYear())
                .setParameter("p", record.pupil().pupilCode()).setParameter("r", record.recordId())
                .setMaxResults(1).getResultList();
        if (!other.isEmpty()) {
            throw new ConflictException("Học sinh " + record.pupil().pupilCode() + " đã có học bạ năm "
                    + record.year() + " (" + other.get(0) + ").",
                    "Pupil " + record.pupil().pupilCode() + " already has a record for " + record.year() + " ("
                            + other.get(0) + ").", null);
        }
    }

    private static List<String> pupilCodes(List<YearRecord> records) {
        List<String> codes = records.stream().map(r -> r.pupil().pupilCode()).distinct().toList();
        return codes.isEmpty() ? List.of("") : codes;
    }

    private static RecordVersionRow newRow(YearRecord record, long now) {
        RecordVersionRow row = new RecordVersionRow();
        row.schoolCode = record.school().code();
        row.recordId = record.recordId();
        row.versionNo = record.version();
        row.state = RecordState.DRAFT.name();
        row.replacesVersion = record.correction() == null ? null : record.correction().replacesVersion();
        row.createdAt = now;
        row.updatedAt = now;
        setContent(row, record);
        return row;
    }

    /** Puts the record's content and query columns on the row; false when the content is what is stored. */
    private static boolean setContent(RecordVersionRow row, YearRecord record) {
        byte[] content = Codecs.RECORD.write(record);
        String sha = Hashes.sha256(content);
        if (sha.equals(row.contentSha256)) return false;
        row.content = content;
        row.contentSha256 = sha;
        row.schoolYear = record.year().startYear();
        row.className = record.schoolClass().name();
        row.grade = record.schoolClass().grade();
        row.pupilCode = record.pupil().pupilCode();
        row.fullName = record.pupil().fullName();
        YearEndResult result = record.effectiveResult();
        row.resultCode = result == null ? null : result.nationalCode();
        return true;
    }

    private static void requireDraft(RecordVersionRow row) {
        if (!RecordState.DRAFT.name().equals(row.state)) {
            RecordState st = RecordState.valueOf(row.state);
            throw new IllegalTransitionException(
                    "Học bạ " + ref(row) + " đang ở trạng thái \"" + st.label() + "\": chỉ sửa được bản dự thảo.",
                    "Record " + ref(row) + " is " + st + ": only a draft can be edited.");
        }
    }

    private static RecordVersionRow row(EntityManager em, String school, RecordRef ref) {
        return em.find(RecordVersionRow.class, new Keys.VersionKey(school, ref.recordId(), ref.version()));
    }

    private static RecordVersionRow latestRow(EntityManager em, String school, String recordId) {
        return em.createQuery("SELECT v FROM RecordVersionRow v WHERE v.schoolCode = :s AND v.recordId = :r"
                + " ORDER BY v.versionNo DESC", RecordVersionRow.class).setParameter("s", school)
                .setParameter("r", recordId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
    }

    /** The latest version of each record id, with one query per 500 ids. */
    private static Map<String, RecordVersionRow> latestRows(EntityManager em, String school, List<String> recordIds) {
        Map<String, RecordVersionRow> latest = new HashMap<>();
        for (int i = 0; i < recordIds.size(); i += 500) {
            for (RecordVersionRow v : em.createQuery("SELECT v FROM RecordVersionRow v WHERE v.schoolCode = :s"
                    + " AND v.recordId IN :ids" + LATEST, RecordVersionRow.class).setParameter("s", school)
                    .setParameter("ids", recordIds.subList(i, Math.min(recordIds.size(), i + 500))).getResultList()) {
                latest.put(v.recordId, v);
            }
        }
        return latest;
    }

    private static List<ArtefactRow> artefactRows(EntityManager em, String school, RecordRef ref) {
        return em.createQuery("SELECT a FROM ArtefactRow a WHERE a.schoolCode = :s AND a.recordId = :r"
                + " AND a.versionNo = :v", ArtefactRow.class).setParameter("s", school)
                .setParameter("r", ref.recordId()).setParameter("v", ref.version()).getResultList();
    }

    private static NotFoundException notFound(String what) {
        return new NotFoundException("Không tìm thấy học bạ " + what + " trong trường này.",
                "No record " + what + " in this school.");
    }

    private static String ref(RecordVersionRow row) {
        return row.recordId + "/v" + row.versionNo;
    }

    private static List<String> names(Set<RecordState> states) {
        return states.stream().map(Enum::name).toList();
    }

    private StoredRecord toStored(EntityManager em, RecordVersionRow row) {
        return toStored(em, List.of(row)).get(0);
    }

    /** Reads the artefacts' hashes and sizes (not their bytes) of many versions with few queries. */
    private List<StoredRecord> toStored(EntityManager em, List<RecordVersionRow> rows) {
        if (rows.isEmpty()) return List.of();
        Map<String, ArtefactInfo[]> infos = new HashMap<>();
        String school = rows.get(0).schoolCode;
        List<String> ids = rows.stream().map(r -> r.recordId).distinct().toList();
        for (int i = 0; i < ids.size(); i += 500) {
            for (Object[] a : em.createQuery("SELECT a.recordId, a.versionNo, a.part, a.sha256, a.byteSize"
                    + " FROM ArtefactRow a WHERE a.schoolCode = :s AND a.recordId IN :ids", Object[].class)
                    .setParameter("s", school).setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .getResultList()) {
                ArtefactKind kind = ArtefactKind.valueOf((String) a[2]);
                infos.computeIfAbsent(a[0] + "/v" + a[1], k -> new ArtefactInfo[2])[kind.ordinal()] =
                        new ArtefactInfo(kind, (String) a[3], ((Number) a[4]).longValue());
            }
        }
        List<StoredRecord> result = new ArrayList<>(rows.size());
        for (RecordVersionRow r : rows) {
            YearRecord record = Codecs.RECORD.read(r.content, YearRecord.class).withState(RecordState.valueOf(r.state));
            ArtefactInfo[] a = infos.getOrDefault(ref(r), new ArtefactInfo[2]);
            result.add(new StoredRecord(record, r.revision, r.contentSha256, a[0], a[1],
                    Instant.ofEpochMilli(r.createdAt), Instant.ofEpochMilli(r.updatedAt),
                    r.issuedAt == null ? null : Instant.ofEpochMilli(r.issuedAt), r.supersededBy));
        }
        return result;
    }
}
