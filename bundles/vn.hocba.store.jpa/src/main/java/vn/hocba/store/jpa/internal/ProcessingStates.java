package vn.hocba.store.jpa.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import vn.hocba.store.ExportState;
import vn.hocba.store.NotFoundException;
import vn.hocba.store.ProcessingStateRepository;
import vn.hocba.store.RecordRef;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.SigningState;
import vn.hocba.store.TaskStatus;
import vn.hocba.store.jpa.internal.entity.ExportRow;
import vn.hocba.store.jpa.internal.entity.Keys;
import vn.hocba.store.jpa.internal.entity.RecordVersionRow;
import vn.hocba.store.jpa.internal.entity.SigningRow;

/** Signing and export progress per record version: operational state, not audited (the transitions are). */
final class ProcessingStates implements ProcessingStateRepository {

    private final Database db;
    private final Clock clock;

    ProcessingStates(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public SigningState putSigning(SchoolScope scope, SigningState state) {
        return db.inTransaction(em -> {
            requireVersion(em, scope, state.ref());
            var key = new Keys.VersionPartKey(scope.schoolCode(), state.ref().recordId(), state.ref().version(),
                    state.role());
            SigningRow row = em.find(SigningRow.class, key);
            if (row == null) {
                row = new SigningRow();
                row.schoolCode = key.schoolCode;
                row.recordId = key.recordId;
                row.versionNo = key.versionNo;
                row.part = key.part;
                em.persist(row);
            }
            row.signerId = state.signerId();
            row.providerId = state.providerId();
            row.providerRef = state.providerRef();
            row.status = state.status().name();
            row.message = state.message();
            row.updatedAt = clock.millis();
            return toSigning(row);
        });
    }

    @Override
    public List<SigningState> signing(SchoolScope scope, RecordRef ref) {
        return db.read(em -> em.createQuery("SELECT s FROM SigningRow s WHERE s.schoolCode = :s AND s.recordId = :r"
                + " AND s.versionNo = :v ORDER BY s.updatedAt, s.part", SigningRow.class)
                .setParameter("s", scope.schoolCode()).setParameter("r", ref.recordId())
                .setParameter("v", ref.version()).getResultList().stream().map(ProcessingStates::toSigning).toList());
    }

    @Override
    public List<SigningState> signingWithStatus(SchoolScope scope, TaskStatus status) {
        return db.read(em -> em.createQuery("SELECT s FROM SigningRow s WHERE s.schoolCode = :s AND s.status = :st"
                + " ORDER BY s.updatedAt, s.recordId, s.versionNo, s.part", SigningRow.class)
                .setParameter("s", scope.schoolCode()).setParameter("st", status.name()).getResultList().stream()
                .map(ProcessingStates::toSigning).toList());
    }

    @Override
    public ExportState putExport(SchoolScope scope, ExportState state) {
        return db.inTransaction(em -> {
            requireVersion(em, scope, state.ref());
            var key = new Keys.VersionPartKey(scope.schoolCode(), state.ref().recordId(), state.ref().version(),
                    state.exporterId());
            ExportRow row = em.find(ExportRow.class, key);
            if (row == null) {
                row = new ExportRow();
                row.schoolCode = key.schoolCode;
                row.recordId = key.recordId;
                row.versionNo = key.versionNo;
                row.part = key.part;
                em.persist(row);
            }
            row.status = state.status().name();
            row.batchId = state.batchId();
            row.attempts = state.attempts();
            row.receipt = state.receipt();
            row.message = state.message();
            row.updatedAt = clock.millis();
            return toExport(row);
        });
    }

    @Override
    public List<ExportState> exports(SchoolScope scope, RecordRef ref) {
        return db.read(em -> em.createQuery("SELECT e FROM ExportRow e WHERE e.schoolCode = :s AND e.recordId = :r"
                + " AND e.versionNo = :v ORDER BY e.part", ExportRow.class).setParameter("s", scope.schoolCode())
                .setParameter("r", ref.recordId()).setParameter("v", ref.version()).getResultList().stream()
                .map(ProcessingStates::toExport).toList());
    }

    @Override
    public List<ExportState> exportsWithStatus(SchoolScope scope, String exporterId, TaskStatus status) {
        return db.read(em -> em.createQuery("SELECT e FROM ExportRow e WHERE e.schoolCode = :s AND e.part = :x"
                + " AND e.status = :st ORDER BY e.updatedAt, e.recordId, e.versionNo", ExportRow.class)
                .setParameter("s", scope.schoolCode()).setParameter("x", exporterId)
                .setParameter("st", status.name()).getResultList().stream().map(ProcessingStates::toExport).toList());
    }

    private static void requireVersion(EntityManager em, SchoolScope scope, RecordRef ref) {
        if (em.find(RecordVersionRow.class, new Keys.VersionKey(scope.schoolCode(), ref.recordId(), ref.version())) == null) {
            throw new NotFoundException("Không tìm thấy học bạ " + ref + " trong trường này.",
                    "No record " + ref + " in this school.");
        }
    }

    private static SigningState toSigning(SigningRow r) {
        return new SigningState(new RecordRef(r.recordId, r.versionNo), r.part, r.signerId, r.providerId,
                r.providerRef, TaskStatus.valueOf(r.status), Instant.ofEpochMilli(r.updatedAt), r.message);
    }

    private static ExportState toExport(ExportRow r) {
        return new ExportState(new RecordRef(r.recordId, r.versionNo), r.part, TaskStatus.valueOf(r.status),
                r.batchId, r.attempts, r.receipt, Instant.ofEpochMilli(r.updatedAt), r.message);
    }
}
