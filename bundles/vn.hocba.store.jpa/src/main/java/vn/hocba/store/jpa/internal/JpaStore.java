package vn.hocba.store.jpa.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import vn.hocba.model.PupilIdentity;
import vn.hocba.model.RecordState;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearRecord;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.AuditEntry;
import vn.hocba.store.AuditEvent;
import vn.hocba.store.AuditTrail;
import vn.hocba.store.AuditVerification;
import vn.hocba.store.BackupResult;
import vn.hocba.store.ClassBatchResult;
import vn.hocba.store.ExportState;
import vn.hocba.store.ProcessingStateRepository;
import vn.hocba.store.PupilRepository;
import vn.hocba.store.RecordRef;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.SigningState;
import vn.hocba.store.StoreAdmin;
import vn.hocba.store.StoreInfo;
import vn.hocba.store.StoredAssessment;
import vn.hocba.store.StoredPupil;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.TaskStatus;

/**
 * The whole store on one opened {@link Database}: every repository interface of the API, delegating to one class
 * per concern. The OSGi component is a thin subclass; tests use this class directly on a plain class path.
 */
public class JpaStore implements SchoolRepository, PupilRepository, RecordRepository, ProcessingStateRepository,
        AuditTrail, StoreAdmin, AutoCloseable {

    private final Database db;
    private final Schools schools;
    private final Pupils pupils;
    private final Records records;
    private final ProcessingStates states;
    private final AuditLog audit;
    private final Backups backups;

    public JpaStore(Database db, Clock clock) {
        this.db = db;
        this.audit = new AuditLog(db, clock);
        this.schools = new Schools(db, audit, clock);
        this.pupils = new Pupils(db, audit, clock);
        this.records = new Records(db, audit, clock);
        this.states = new ProcessingStates(db, clock);
        this.backups = new Backups(db, clock);
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }

    // SchoolRepository
    @Override public School saveSchool(School school) { return schools.saveSchool(school); }
    @Override public List<School> schools() { return schools.schools(); }
    @Override public Optional<School> school(SchoolScope scope) { return schools.school(scope); }
    @Override public SchoolClass saveClass(SchoolScope scope, SchoolClass c) { return schools.saveClass(scope, c); }
    @Override public List<SchoolClass> classes(SchoolScope scope, SchoolYear year) { return schools.classes(scope, year); }
    @Override public Optional<SchoolClass> schoolClass(SchoolScope scope, SchoolYear year, String className) {
        return schools.schoolClass(scope, year, className);
    }

    // PupilRepository
    @Override public StoredPupil savePupil(SchoolScope scope, PupilIdentity pupil, long expectedRevision) {
        return pupils.savePupil(scope, pupil, expectedRevision);
    }
    @Override public Optional<StoredPupil> pupil(SchoolScope scope, String pupilCode) { return pupils.pupil(scope, pupilCode); }
    @Override public List<StoredPupil> pupils(SchoolScope scope) { return pupils.pupils(scope); }
    @Override public StoredAssessment saveAssessment(SchoolScope scope, SchoolYear year, String className,
            String pupilCode, YearAssessment assessment, long expectedRevision) {
        return pupils.saveAssessment(scope, year, className, pupilCode, assessment, expectedRevision);
    }
    @Override public Optional<StoredAssessment> assessment(SchoolScope scope, SchoolYear year, String pupilCode) {
        return pupils.assessment(scope, year, pupilCode);
    }
    @Override public List<StoredAssessment> assessmentsOfClass(SchoolScope scope, SchoolYear year, String className) {
        return pupils.assessmentsOfClass(scope, year, className);
    }

    // RecordRepository
    @Override public Optional<StoredRecord> latest(SchoolScope scope, String recordId) { return records.latest(scope, recordId); }
    @Override public Optional<StoredRecord> find(SchoolScope scope, RecordRef ref) { return records.find(scope, ref); }
    @Override public List<StoredRecord> versions(SchoolScope scope, String recordId) { return records.versions(scope, recordId); }
    @Override public Optional<StoredRecord> latestIssued(SchoolScope scope, String recordId) {
        return records.latestIssued(scope, recordId);
    }
    @Override public Optional<StoredRecord> latestOfPupil(SchoolScope scope, SchoolYear year, String pupilCode) {
        return records.latestOfPupil(scope, year, pupilCode);
    }
    @Override public List<StoredRecord> latestOfClass(SchoolScope scope, SchoolYear year, String className) {
        return records.latestOfClass(scope, year, className);
    }
    @Override public List<StoredRecord> inState(SchoolScope scope, SchoolYear year, String className,
            Set<RecordState> s) {
        return records.inState(scope, year, className, s);
    }
    @Override public Map<RecordState, Long> countByState(SchoolScope scope, SchoolYear year) {
        return records.countByState(scope, year);
    }
    @Override public StoredRecord saveDraft(SchoolScope scope, YearRecord record, long expectedRevision, String actor) {
        return records.saveDraft(scope, record, expectedRevision, actor);
    }
    @Override public StoredRecord transition(SchoolScope scope, RecordRef ref, RecordState target,
            long expectedRevision, String actor, String reason) {
        return records.transition(scope, ref, target, expectedRevision, actor, reason);
    }
    @Override public StoredRecord attachArtefacts(SchoolScope scope, RecordRef ref, byte[] pdf, byte[] xml,
            long expectedRevision, String actor) {
        return records.attachArtefacts(scope, ref, pdf, xml, expectedRevision, actor);
    }
    @Override public StoredRecord attachArtefactsAndTransition(SchoolScope scope, RecordRef ref, byte[] pdf,
            byte[] xml, RecordState target, long expectedRevision, String actor, String reason) {
        return records.attachArtefactsAndTransition(scope, ref, pdf, xml, target, expectedRevision, actor, reason);
    }
    @Override public Optional<byte[]> artefact(SchoolScope scope, RecordRef ref, ArtefactKind kind) {
        return records.artefact(scope, ref, kind);
    }
    @Override public Optional<byte[]> canonicalContent(SchoolScope scope, RecordRef ref) {
        return records.canonicalContent(scope, ref);
    }
    @Override public StoredRecord createCorrection(SchoolScope scope, String recordId, YearRecord.Correction c,
            String actor) {
        return records.createCorrection(scope, recordId, c, actor);
    }
    @Override public ClassBatchResult writeClass(SchoolScope scope, SchoolClass c, List<YearRecord> rs, String actor) {
        return records.writeClass(scope, c, rs, actor);
    }

    /** The batch write with a hook after each intermediate flush (for the crash test). */
    public ClassBatchResult writeClass(SchoolScope scope, SchoolClass c, List<YearRecord> rs, String actor,
            IntConsumer afterFlush) {
        return records.writeClass(scope, c, rs, actor, afterFlush);
    }

    // ProcessingStateRepository
    @Override public SigningState putSigning(SchoolScope scope, SigningState s) { return states.putSigning(scope, s); }
    @Override public List<SigningState> signing(SchoolScope scope, RecordRef ref) { return states.signing(scope, ref); }
    @Override public List<SigningState> signingWithStatus(SchoolScope scope, TaskStatus status) {
        return states.signingWithStatus(scope, status);
    }
    @Override public ExportState putExport(SchoolScope scope, ExportState s) { return states.putExport(scope, s); }
    @Override public List<ExportState> exports(SchoolScope scope, RecordRef ref) { return states.exports(scope, ref); }
    @Override public List<ExportState> exportsWithStatus(SchoolScope scope, String exporterId, TaskStatus status) {
        return states.exportsWithStatus(scope, exporterId, status);
    }

    // AuditTrail
    @Override public AuditEntry append(SchoolScope scope, AuditEvent event) { return audit.append(scope, event); }
    @Override public List<AuditEntry> entries(SchoolScope scope, long fromSeq, int limit) {
        return audit.entries(scope, fromSeq, limit);
    }
    @Override public AuditVerification verify(SchoolScope scope) { return audit.verify(scope); }

    // StoreAdmin
    @Override public StoreInfo info() { return new StoreInfo(db.dialect().id(), db.schemaVersion(), db.url()); }
    @Override public BackupResult backup(Path targetDir) { return backups.backup(targetDir); }
}
