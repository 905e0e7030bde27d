package vn.hocba.store.jpa.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.store.AuditEvent;
import vn.hocba.store.NotFoundException;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.jpa.internal.entity.ClassRow;
import vn.hocba.store.jpa.internal.entity.Keys;
import vn.hocba.store.jpa.internal.entity.SchoolRow;

final class Schools implements SchoolRepository {

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    Schools(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    static NotFoundException unknownSchool(String code) {
        return new NotFoundException("Trường " + code + " chưa được đăng ký.", "School " + code + " is not registered.");
    }

    @Override
    public School saveSchool(School school) {
        return db.inTransaction(em -> {
            SchoolRow row = em.find(SchoolRow.class, school.code());
            boolean created = row == null;
            if (created) {
                row = new SchoolRow();
                row.schoolCode = school.code();
            }
            row.name = school.name();
            row.district = school.district();
            row.province = school.province();
            row.updatedAt = clock.millis();
            if (created) {
                em.persist(row);
                em.flush();
            }
            AuditLog.Chain chain = audit.begin(em, school.code());
            chain.add(new AuditEvent("system:store", created ? "school.register" : "school.update", school.code(), "",
                    "", school.name()));
            chain.finish();
            return toSchool(row);
        });
    }

    @Override
    public List<School> schools() {
        return db.read(em -> em.createQuery("SELECT s FROM SchoolRow s ORDER BY s.schoolCode", SchoolRow.class)
                .getResultList().stream().map(Schools::toSchool).toList());
    }

    @Override
    public Optional<School> school(SchoolScope scope) {
        return db.read(em -> Optional.ofNullable(em.find(SchoolRow.class, scope.schoolCode())).map(Schools::toSchool));
    }

    @Override
    public SchoolClass saveClass(SchoolScope scope, SchoolClass schoolClass) {
        Scopes.check(scope, schoolClass);
        return db.inTransaction(em -> {
            AuditLog.Chain chain = audit.begin(em, scope.schoolCode());
            upsertClass(em, schoolClass, clock.millis());
            chain.add(new AuditEvent("system:store", "class.save", schoolClass.year() + "/" + schoolClass.name(), "",
                    "", "grade " + schoolClass.grade() + ", GVCN " + schoolClass.homeroomTeacher()));
            chain.finish();
            return schoolClass;
        });
    }

    /** Creates or updates a class row inside the caller's transaction. */
    static void upsertClass(javax.persistence.EntityManager em, SchoolClass c, long now) {
        ClassRow row = em.find(ClassRow.class, new Keys.ClassKey(c.schoolCode(), c.year().startYear(), c.name()));
        if (row == null) {
            row = new ClassRow();
            row.schoolCode = c.schoolCode();
            row.schoolYear = c.year().startYear();
            row.className = c.name();
            row.grade = c.grade();
            row.homeroomTeacher = c.homeroomTeacher();
            row.updatedAt = now;
            em.persist(row);
        } else if (row.grade != c.grade() || !row.homeroomTeacher.equals(c.homeroomTeacher())) {
            row.grade = c.grade();
            row.homeroomTeacher = c.homeroomTeacher();
            row.updatedAt = now;
        }
    }

    @Override
    public List<SchoolClass> classes(SchoolScope scope, SchoolYear year) {
        return db.read(em -> em.createQuery("SELECT c FROM ClassRow c WHERE c.schoolCode = :s AND c.schoolYear = :y"
                + " ORDER BY c.grade, c.className", ClassRow.class).setParameter("s", scope.schoolCode())
                .setParameter("y", year.startYear()).getResultList().stream().map(Schools::toClass).toList());
    }

    @Override
    public Optional<SchoolClass> schoolClass(SchoolScope scope, SchoolYear year, String className) {
        return db.read(em -> Optional.ofNullable(em.find(ClassRow.class,
                new Keys.ClassKey(scope.schoolCode(), year.startYear(), className))).map(Schools::toClass));
    }

    static School toSchool(SchoolRow r) {
        return new School(r.schoolCode, r.name, r.district, r.province);
    }

    static SchoolClass toClass(ClassRow r) {
        return new SchoolClass(r.schoolCode, new SchoolYear(r.schoolYear), r.grade, r.className, r.homeroomTeacher);
    }
}
