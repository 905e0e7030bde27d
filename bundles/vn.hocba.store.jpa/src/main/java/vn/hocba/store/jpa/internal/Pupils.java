package vn.hocba.store.jpa.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import vn.hocba.model.PupilIdentity;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Text;
import vn.hocba.model.YearAssessment;
import vn.hocba.store.AuditEvent;
import vn.hocba.store.PupilRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredAssessment;
import vn.hocba.store.StoredPupil;
import vn.hocba.store.jpa.internal.entity.AssessmentRow;
import vn.hocba.store.jpa.internal.entity.Keys;
import vn.hocba.store.jpa.internal.entity.PupilRow;

final class Pupils implements PupilRepository {

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    Pupils(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public StoredPupil savePupil(SchoolScope scope, PupilIdentity pupil, long expectedRevision) {
        return db.inTransaction(em -> {
            AuditLog.Chain chain = audit.begin(em, scope.schoolCode());
            PupilRow row = em.find(PupilRow.class, new Keys.PupilKey(scope.schoolCode(), pupil.pupilCode()));
            Revisions.check(row == null ? 0 : row.revision, expectedRevision, "pupil " + pupil.pupilCode());
            String before = row == null ? "" : row.contentSha256;
            row = upsertPupil(em, scope.schoolCode(), pupil, row, clock.millis());
            if (!before.equals(row.contentSha256)) {
                chain.add(new AuditEvent("system:store", "pupil.save", pupil.pupilCode(), before, row.contentSha256, ""));
            }
            chain.finish();
            em.flush();
            return toPupil(row);
        });
    }

    /** Creates or updates a pupil row inside the caller's transaction; no change when the content is the same. */
    static PupilRow upsertPupil(EntityManager em, String schoolCode, PupilIdentity pupil, PupilRow row, long now) {
        byte[] content = Codecs.PLAIN.write(pupil);
        String sha = Hashes.sha256(content);
        if (row != null && row.contentSha256.equals(sha)) return row;
        boolean created = row == null;
        if (created) {
            row = new PupilRow();
            row.schoolCode = schoolCode;
            row.pupilCode = pupil.pupilCode();
        }
        row.personalId = pupil.personalId();
        row.fullName = pupil.fullName();
        row.content = content;
        row.contentSha256 = sha;
        row.updatedAt = now;
        if (created) em.persist(row);
        return row;
    }

    @Override
    public Optional<StoredPupil> pupil(SchoolScope scope, String pupilCode) {
        return db.read(em -> Optional.ofNullable(
                em.find(PupilRow.class, new Keys.PupilKey(scope.schoolCode(), Text.orEmpty(pupilCode))))
                .map(Pupils::toPupil));
    }

    @Override
    public List<StoredPupil> pupils(SchoolScope scope) {
        return db.read(em -> em.createQuery("SELECT p FROM PupilRow p WHERE p.schoolCode = :s ORDER BY p.pupilCode",
                PupilRow.class).setParameter("s", scope.schoolCode()).getResultList().stream().map(Pupils::toPupil)
                .toList());
    }

    @Override
    public StoredAssessment saveAssessment(SchoolScope scope, SchoolYear year, String className, String pupilCode,
            YearAssessment assessment, long expectedRevision) {
        String cls = Text.required(className, "className");
        String code = Text.required(pupilCode, "pupilCode");
        return db.inTransaction(em -> {
            AuditLog.Chain chain = audit.begin(em, scope.schoolCode());
            AssessmentRow row = em.find(AssessmentRow.class,
                    new Keys.AssessmentKey(scope.schoolCode(), year.startYear(), code));
            Revisions.check(row == null ? 0 : row.revision, expectedRevision, "assessment " + year + "/" + code);
            byte[] content = Codecs.PLAIN.write(assessment);
            String sha = Hashes.sha256(content);
            String before = row == null ? "" : row.contentSha256;
            if (row == null) {
                row = new AssessmentRow();
                row.schoolCode = scope.schoolCode();
                row.schoolYear = year.startYear();
                row.pupilCode = code;
                em.persist(row);
            }
            row.className = cls;
            row.grade = assessment.grade();
            row.content = content;
            row.contentSha256 = sha;
            row.updatedAt = clock.millis();
            if (!before.equals(sha)) {
                chain.add(new AuditEvent("system:store", "assessment.save", year + "/" + code, before, sha, cls));
            }
            chain.finish();
            em.flush();
            return toAssessment(row);
        });
    }

    @Override
    public Optional<StoredAssessment> assessment(SchoolScope scope, SchoolYear year, String pupilCode) {
        return db.read(em -> Optional.ofNullable(em.find(AssessmentRow.class,
                new Keys.AssessmentKey(scope.schoolCode(), year.startYear(), Text.orEmpty(pupilCode))))
                .map(Pupils::toAssessment));
    }

    @Override
    public List<StoredAssessment> assessmentsOfClass(SchoolScope scope, SchoolYear year, String className) {
        return db.read(em -> em.createQuery("SELECT a FROM AssessmentRow a WHERE a.schoolCode = :s"
                + " AND a.schoolYear = :y AND a.className = :c ORDER BY a.pupilCode", AssessmentRow.class)
                .setParameter("s", scope.schoolCode()).setParameter("y", year.startYear())
                .setParameter("c", Text.orEmpty(className)).getResultList().stream().map(Pupils::toAssessment)
                .toList());
    }

    static StoredPupil toPupil(PupilRow r) {
        return new StoredPupil(Codecs.PLAIN.read(r.content, PupilIdentity.class), r.revision);
    }

    static StoredAssessment toAssessment(AssessmentRow r) {
        return new StoredAssessment(new SchoolYear(r.schoolYear), r.className, r.pupilCode,
                Codecs.PLAIN.read(r.content, YearAssessment.class), r.revision);
    }
}
