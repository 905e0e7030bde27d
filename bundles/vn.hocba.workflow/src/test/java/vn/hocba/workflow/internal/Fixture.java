package vn.hocba.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.hocba.model.Curriculum;
import vn.hocba.model.CurriculumEntry;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Sex;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearRecord;
import vn.hocba.rules.internal.ResourceCurriculumCatalog;
import vn.hocba.security.Caller;
import vn.hocba.security.Grant;
import vn.hocba.security.Role;
import vn.hocba.signing.spi.Authorisation;
import vn.hocba.store.SchoolScope;
import vn.hocba.workflow.internal.fakes.InMemoryStore;
import vn.hocba.workflow.internal.fakes.TestEngines;
import vn.hocba.workflow.internal.jobs.DocumentIndex;
import vn.hocba.workflow.internal.jobs.InMemoryDocumentIndex;
import vn.hocba.workflow.internal.jobs.InMemoryJobStore;
import vn.hocba.workflow.internal.jobs.JobStore;

/** A school with classes 3A (4 pupils, one without a personal id) and 3B (2 pupils), and its people. */
final class Fixture {

    static final String S = "HP-AL-TH01";
    static final String YEAR = "2024-2025";
    static final SchoolYear Y = SchoolYear.parse(YEAR);
    static final School SCHOOL = new School(S, "Trường Tiểu học An Thắng", "HP-AL", "HP");
    static final SchoolScope SCOPE = SchoolScope.of(S);

    static final Caller GV3A = new Caller("gv3a", "Phạm Thị Lan", List.of(Grant.teacher(S, "3A")));
    static final Caller GV3B = new Caller("gv3b", "Lê Văn Minh", List.of(Grant.teacher(S, "3B")));
    static final Caller HT = new Caller("ht", "Nguyễn Văn Hùng", List.of(Grant.school(Role.PRINCIPAL, S)));
    static final Caller PHT = new Caller("pht", "Đỗ Thị Mai", List.of(Grant.school(Role.DEPUTY_PRINCIPAL, S)));
    static final Caller ADMIN = new Caller("qt", "Quản trị", List.of(Grant.school(Role.SCHOOL_ADMIN, S)));
    static final Caller PHONG = new Caller("pgd", "Phòng GD", List.of(Grant.districtViewer("HP-AL")));
    static final Caller OTHER_PHONG = new Caller("pgd2", "Phòng khác", List.of(Grant.districtViewer("HP-KT")));
    static final Caller OPERATOR = Caller.operator("root");

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2025-05-20T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(long millis) {
            now = now.plusMillis(millis);
        }
    }

    final InMemoryStore store = new InMemoryStore();
    final Stores stores = new Stores(store, store, store, store, store);
    final TestEngines engines = new TestEngines();
    final JobStore jobs = new InMemoryJobStore();
    final DocumentIndex documents = new InMemoryDocumentIndex();
    final TestClock clock = new TestClock();
    final Map<String, Authorisation> authorisations = new ConcurrentHashMap<>();
    final Settings settings;
    final WorkflowCore workflow;
    final JobProcessor host;

    Fixture() {
        this(50);
    }

    Fixture(int batchSize) {
        settings = new Settings("host-a", batchSize, batchSize, 60_000, 10_000, 5, vn.hocba.signing.BaselineLevel.B_T,
                vn.hocba.signing.BaselineLevel.B_LT, Map.of());
        workflow = new WorkflowCore(stores, engines, jobs, documents, settings, clock, authorisations, () -> {
        });
        host = processor("host-a");
        store.saveSchool(SCHOOL);
        store.saveSchool(new School("HP-KT-TH09", "Trường Tiểu học Kiến Thụy", "HP-KT", "HP"));
        store.writeClass(SCOPE, new SchoolClass(S, Y, 3, "3A", "Phạm Thị Lan"), List.of(
                record("R-3A-1", "3A", "HS001", "Trần Hữu Ánh", "031284860229"),
                record("R-3A-2", "3A", "HS002", "Đặng Thị Hiếu", "031223334298"),
                record("R-3A-3", "3A", "HS003", "Nguyễn Bảo Dũng", "031279757319"),
                record("R-3A-4", "3A", "HS004", "Đỗ Minh Nguyệt", "")), "import");
        store.writeClass(SCOPE, new SchoolClass(S, Y, 3, "3B", "Lê Văn Minh"), List.of(
                record("R-3B-1", "3B", "HS101", "Vũ Thị Hồng", "031200000001"),
                record("R-3B-2", "3B", "HS102", "Bùi Văn Tú", "031200000002")), "import");
    }

    /** Another host on the same job tables and store (as on one shared PostgreSQL database). */
    JobProcessor processor(String hostId) {
        Settings s = new Settings(hostId, settings.batchSize(), settings.singleChunk(), settings.leaseMillis(), settings.retryMillis(),
                settings.maxAttempts(), settings.signLevel(), settings.sealLevel(), Map.of());
        return new JobProcessor(stores, engines, jobs, documents, s, clock, authorisations);
    }

    static YearRecord record(String id, String className, String pupilCode, String name, String personalId) {
        PupilIdentity pupil = new PupilIdentity(pupilCode, personalId, name, Sex.FEMALE, LocalDate.of(2016, 5, 1),
                "Kinh", "Việt Nam", "Hải Phòng", "", "", "", "", "");
        return new YearRecord(id, 1, null, SCHOOL, new SchoolClass(S, Y, 3, className, ""), pupil, List.of(),
                goodAssessment(), null, null, null, "An Lão", null);
    }

    /** Every subject of grade 3 "Hoàn thành tốt" with 9 in the tested ones, every trait "Tốt". */
    static YearAssessment goodAssessment() {
        Curriculum c = new ResourceCurriculumCatalog().forYear(Y);
        List<SubjectResult> subjects = new ArrayList<>();
        for (CurriculumEntry e : c.forGrade(3)) {
            if (!e.compulsory()) continue;
            subjects.add(SubjectResult.of(e.subject(), SubjectLevel.HOAN_THANH_TOT, e.tested() ? 9 : null, "Tốt"));
        }
        List<TraitResult> traits = new ArrayList<>();
        for (Trait t : c.traitsForGrade(3)) traits.add(new TraitResult(t, TraitLevel.TOT, ""));
        return new YearAssessment(3, false, subjects, traits, List.of(), "Chăm ngoan", false);
    }
}
