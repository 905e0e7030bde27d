package vn.hocba.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hocba.workflow.internal.Fixture.ADMIN;
import static vn.hocba.workflow.internal.Fixture.GV3A;
import static vn.hocba.workflow.internal.Fixture.GV3B;
import static vn.hocba.workflow.internal.Fixture.HT;
import static vn.hocba.workflow.internal.Fixture.OPERATOR;
import static vn.hocba.workflow.internal.Fixture.OTHER_PHONG;
import static vn.hocba.workflow.internal.Fixture.PHONG;
import static vn.hocba.workflow.internal.Fixture.PHT;
import static vn.hocba.workflow.internal.Fixture.S;
import static vn.hocba.workflow.internal.Fixture.SCOPE;
import static vn.hocba.workflow.internal.Fixture.YEAR;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hocba.model.RecordState;
import vn.hocba.security.Caller;
import vn.hocba.signing.SignerRole;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.AuditEntry;
import vn.hocba.store.StoredRecord;
import vn.hocba.workflow.ClassSummary;
import vn.hocba.workflow.ItemStatus;
import vn.hocba.workflow.JobKind;
import vn.hocba.workflow.JobRequest;
import vn.hocba.workflow.JobStatus;
import vn.hocba.workflow.JobView;
import vn.hocba.workflow.RecordSummary;
import vn.hocba.workflow.RefusalCode;
import vn.hocba.workflow.SchoolProgress;
import vn.hocba.workflow.Step;
import vn.hocba.workflow.WorkflowException;
import vn.hocba.workflow.internal.fakes.FakeSigning;

/** The workflow service and the job processor over the store's contract, with fake renderer and signing. */
class WorkflowTest {

    final Fixture f = new Fixture();

    JobView run(Caller caller, JobKind kind, String className) {
        JobView submitted = f.workflow.submit(caller, JobRequest.forClass(kind, S, YEAR, className));
        f.host.drain();
        return f.workflow.job(caller, submitted.id());
    }

    JobView runRecords(Caller caller, JobKind kind, String... ids) {
        JobView submitted = f.workflow.submit(caller, new JobRequest(kind, S, YEAR, "", List.of(ids), "", "", null));
        f.host.drain();
        return f.workflow.job(caller, submitted.id());
    }

    RecordState state(String id) {
        return f.store.latest(SCOPE, id).orElseThrow().state();
    }

    byte[] pdf(String id) {
        StoredRecord r = f.store.latest(SCOPE, id).orElseThrow();
        return f.store.artefact(SCOPE, r.ref(), ArtefactKind.PDF).orElseThrow();
    }

    /** 3A locked, rendered, signed by the teacher and the principal, sealed and issued (3 of 4: one has no id). */
    void issue3A() {
        assertEquals(JobStatus.COMPLETED, run(GV3A, JobKind.LOCK, "3A").status());
        assertEquals(JobStatus.COMPLETED, run(GV3A, JobKind.RENDER, "3A").status());
        run(GV3A, JobKind.SIGN, "3A");
        run(HT, JobKind.SIGN, "3A");
        run(ADMIN, JobKind.SEAL, "3A");
        run(ADMIN, JobKind.ISSUE, "3A");
    }

    @Test
    void aClassGoesFromDraftToIssuedWithEachSignerSigningTheWholeClassInOneBatch() {
        JobView lock = run(GV3A, JobKind.LOCK, "3A");
        assertEquals(List.of(4, 4), List.of(lock.total(), lock.done()));
        assertEquals(RecordState.LOCKED, state("R-3A-1"));
        assertEquals("HTXS", f.workflow.records(GV3A, S, YEAR, "3A", null).get(0).result(), "derived when locked");

        run(GV3A, JobKind.RENDER, "3A");
        assertEquals(4, f.engines.renderer.renders.get());

        JobView teacher = run(GV3A, JobKind.SIGN, "3A");
        assertEquals(JobStatus.COMPLETED, teacher.status());
        assertEquals(List.of(3, 1), List.of(teacher.done(), teacher.skipped()));
        JobView.Item noId = teacher.items().stream().filter(i -> i.recordId().equals("R-3A-4")).findFirst()
                .orElseThrow();
        assertEquals(ItemStatus.SKIPPED, noId.status());
        assertTrue(noId.messageVi().contains("mã định danh cá nhân"), noId.messageVi());
        assertEquals(1, f.engines.provider.batches.get(), "one provider batch for the class");
        assertEquals(6, f.engines.provider.digests.get(), "a PDF and an XML digest per record");
        assertEquals("HOMEROOM_TEACHER", teacher.signerRole());

        run(HT, JobKind.SIGN, "3A");
        assertEquals(2, f.engines.provider.batches.get());
        run(ADMIN, JobKind.SEAL, "3A");
        assertEquals(RecordState.PRINCIPAL_SIGNED, state("R-3A-1"), "the seal does not change the state");
        JobView issue = run(ADMIN, JobKind.ISSUE, "3A");
        assertEquals(3, issue.done());
        assertEquals(1, issue.skipped());

        for (String id : List.of("R-3A-1", "R-3A-2", "R-3A-3")) {
            assertEquals(RecordState.ISSUED, state(id));
            byte[] pdf = pdf(id);
            assertEquals(List.of(SignerRole.HOMEROOM_TEACHER, SignerRole.PRINCIPAL, SignerRole.SCHOOL_SEAL),
                    FakeSigning.roles(pdf));
            assertTrue(new String(pdf, StandardCharsets.UTF_8).contains("%DSS B_LT"), "raised to B-LT after the seal");
            StoredRecord r = f.store.latest(SCOPE, id).orElseThrow();
            byte[] xml = f.store.artefact(SCOPE, r.ref(), ArtefactKind.XML).orElseThrow();
            assertEquals(3, FakeSigning.roles(xml).size(), "the XML carries the same three signatures");
            assertEquals(id, f.documents.issuedBySha256(r.pdf().sha256()).orElseThrow().recordId());
        }
        assertEquals(RecordState.LOCKED, state("R-3A-4"), "without a personal id: locked, rendered, never signed");
        assertEquals(RecordState.DRAFT, state("R-3B-1"), "3B was not touched");
        assertEquals(1, f.store.signing(SCOPE, f.store.latest(SCOPE, "R-3A-1").orElseThrow().ref()).stream()
                .filter(s -> s.role().equals("SCHOOL_SEAL")).count());
    }

    @Test
    void aDeputySignsInThePrincipalsPlaceAndTheRoleIsRecorded() {
        run(GV3A, JobKind.LOCK, "3A");
        run(GV3A, JobKind.RENDER, "3A");
        run(GV3A, JobKind.SIGN, "3A");
        JobView deputy = run(PHT, JobKind.SIGN, "3A");
        assertEquals("DEPUTY_PRINCIPAL", deputy.signerRole());
        assertEquals(List.of(SignerRole.HOMEROOM_TEACHER, SignerRole.DEPUTY_PRINCIPAL), FakeSigning.roles(pdf("R-3A-1")));
        assertEquals(RecordState.PRINCIPAL_SIGNED, state("R-3A-1"));
    }

    @Test
    void aTeacherOf3ACannotReadOrSign3BAndTheRefusalIsAudited() {
        WorkflowException read = assertThrows(WorkflowException.class,
                () -> f.workflow.records(GV3A, S, YEAR, "3B", null));
        assertEquals(RefusalCode.FORBIDDEN, read.code());
        assertTrue(read.messageVi().contains("3B"));
        assertThrows(WorkflowException.class, () -> f.workflow.record(GV3A, "R-3B-1"));
        run(GV3B, JobKind.LOCK, "3B");
        run(GV3B, JobKind.RENDER, "3B");
        WorkflowException sign = assertThrows(WorkflowException.class,
                () -> f.workflow.submit(GV3A, JobRequest.forClass(JobKind.SIGN, S, YEAR, "3B")));
        assertEquals(RefusalCode.FORBIDDEN, sign.code());
        WorkflowException selection = assertThrows(WorkflowException.class, () -> f.workflow.submit(GV3A,
                new JobRequest(JobKind.SIGN, S, YEAR, "", List.of("R-3A-1", "R-3B-1"), "", "", null)));
        assertEquals(RefusalCode.FORBIDDEN, selection.code(), "one record of another class refuses the selection");
        List<AuditEntry> refused = f.store.entries(SCOPE, 1, 1000).stream()
                .filter(e -> e.event().action().equals("access.refused")).toList();
        assertEquals(4, refused.size());
        assertTrue(refused.stream().allMatch(e -> e.event().actor().equals("gv3a")));
        assertEquals(RecordState.LOCKED, state("R-3B-1"));
    }

    @Test
    void aTeacherSeesOnlyTheirClassesAndThePrincipalTheWholeSchool() {
        run(GV3A, JobKind.LOCK, "3A");
        List<ClassSummary> mine = f.workflow.classes(GV3A, S, YEAR);
        assertEquals(List.of("3A"), mine.stream().map(ClassSummary::className).toList());
        assertEquals(Map.of(RecordState.LOCKED, 4L), mine.get(0).byState());
        List<ClassSummary> all = f.workflow.classes(HT, S, YEAR);
        assertEquals(List.of("3A", "3B"), all.stream().map(ClassSummary::className).toList());
        assertEquals(Map.of(RecordState.DRAFT, 2L), all.get(1).byState());
        List<RecordSummary> locked = f.workflow.records(HT, S, YEAR, "3A", RecordState.LOCKED);
        assertEquals(4, locked.size());
        assertFalse(locked.get(3).personalIdValid());
        assertThrows(WorkflowException.class, () -> f.workflow.classes(PHONG, S, YEAR));
    }

    @Test
    void noOneSignsOutOfOrder() {
        run(GV3A, JobKind.LOCK, "3A");
        WorkflowException beforeRender = assertThrows(WorkflowException.class,
                () -> f.workflow.submit(GV3A, JobRequest.forClass(JobKind.SIGN, S, YEAR, "3A")));
        assertEquals(RefusalCode.OUT_OF_ORDER, beforeRender.code());
        run(GV3A, JobKind.RENDER, "3A");
        WorkflowException principalFirst = assertThrows(WorkflowException.class,
                () -> f.workflow.submit(HT, JobRequest.forClass(JobKind.SIGN, S, YEAR, "3A")));
        assertEquals(RefusalCode.OUT_OF_ORDER, principalFirst.code());
        assertTrue(principalFirst.getMessage().contains("homeroom teacher has not signed"));
        WorkflowException sealFirst = assertThrows(WorkflowException.class,
                () -> f.workflow.submit(ADMIN, JobRequest.forClass(JobKind.SEAL, S, YEAR, "3A")));
        assertEquals(RefusalCode.OUT_OF_ORDER, sealFirst.code());
        WorkflowException issueFirst = assertThrows(WorkflowException.class,
                () -> f.workflow.submit(ADMIN, JobRequest.forClass(JobKind.ISSUE, S, YEAR, "3A")));
        assertEquals(RefusalCode.OUT_OF_ORDER, issueFirst.code());
        WorkflowException teacherAsPrincipal = assertThrows(WorkflowException.class, () -> f.workflow.submit(GV3A,
                new JobRequest(JobKind.SIGN, S, YEAR, "3A", List.of(), "PRINCIPAL", "", null)));
        assertEquals(RefusalCode.FORBIDDEN, teacherAsPrincipal.code());
        WorkflowException principalAsTeacher = assertThrows(WorkflowException.class, () -> f.workflow.submit(HT,
                new JobRequest(JobKind.SIGN, S, YEAR, "3A", List.of(), "HOMEROOM_TEACHER", "", null)));
        assertEquals(RefusalCode.FORBIDDEN, principalAsTeacher.code());
        assertEquals(0, f.engines.provider.batches.get(), "nothing was signed");
        assertEquals(2, f.store.entries(SCOPE, 1, 1000).stream()
                .filter(e -> e.event().action().equals("access.refused")).count(), "both role refusals are audited");
    }

    @Test
    void stepsAreIdempotentAndARecordIsNeverInTwoRunningJobsOfOneKind() {
        run(GV3A, JobKind.LOCK, "3A");
        JobView again = run(GV3A, JobKind.LOCK, "3A");
        assertEquals(JobStatus.COMPLETED, again.status());
        assertEquals(4, again.done(), "already locked counts as done");
        run(GV3A, JobKind.RENDER, "3A");
        JobView first = f.workflow.submit(GV3A, JobRequest.forClass(JobKind.SIGN, S, YEAR, "3A"));
        WorkflowException second = assertThrows(WorkflowException.class,
                () -> f.workflow.submit(GV3A, JobRequest.forClass(JobKind.SIGN, S, YEAR, "3A")));
        assertEquals(RefusalCode.CONFLICT, second.code());
        f.host.drain();
        assertEquals(JobStatus.COMPLETED, f.workflow.job(GV3A, first.id()).status());
        JobView third = run(GV3A, JobKind.SIGN, "3A");
        assertEquals(3, third.done());
        assertEquals(1, f.engines.provider.batches.get(), "signing again signs nothing");
        assertEquals(List.of(SignerRole.HOMEROOM_TEACHER), FakeSigning.roles(pdf("R-3A-1")));
    }

    @Test
    void aCorrectionIsANewVersionApprovedByThePrincipalThatSupersedesTheOldOneWhenIssued() {
        issue3A();
        StoredRecord v1 = f.store.latest(SCOPE, "R-3A-1").orElseThrow();
        WorkflowException noReason = assertThrows(WorkflowException.class,
                () -> f.workflow.correct(HT, "R-3A-1", "  "));
        assertEquals(RefusalCode.REASON_REQUIRED, noReason.code());
        WorkflowException teacher = assertThrows(WorkflowException.class,
                () -> f.workflow.correct(GV3A, "R-3A-1", "Sai ngày sinh"));
        assertEquals(RefusalCode.FORBIDDEN, teacher.code());

        StoredRecord v2 = f.workflow.correct(HT, "R-3A-1", "Sai ngày sinh");
        assertEquals(2, v2.record().version());
        assertEquals(RecordState.DRAFT, v2.state());
        assertEquals("ht", v2.record().correction().approvedBy());
        assertEquals(RefusalCode.CORRECTION_IN_PROGRESS,
                assertThrows(WorkflowException.class, () -> f.workflow.correct(HT, "R-3A-1", "lần nữa")).code());
        assertEquals(RecordState.ISSUED, f.store.find(SCOPE, v1.ref()).orElseThrow().state(),
                "the old version stays official until the correction is issued");
        assertTrue(f.workflow.artefact(GV3A, "R-3A-1", ArtefactKind.PDF).isPresent(),
                "the current PDF is the issued one while the correction is a draft");

        runRecords(GV3A, JobKind.LOCK, "R-3A-1");
        runRecords(GV3A, JobKind.RENDER, "R-3A-1");
        runRecords(GV3A, JobKind.SIGN, "R-3A-1");
        runRecords(HT, JobKind.SIGN, "R-3A-1");
        runRecords(ADMIN, JobKind.SEAL, "R-3A-1");
        runRecords(ADMIN, JobKind.ISSUE, "R-3A-1");

        StoredRecord old = f.store.find(SCOPE, v1.ref()).orElseThrow();
        assertEquals(RecordState.SUPERSEDED, old.state());
        assertEquals(2, old.supersededBy());
        var status = IssuedStatus.of(f.documents, f.store, v1.pdf().sha256()).orElseThrow();
        assertTrue(status.superseded());
        assertEquals(2, status.supersededByVersion());
        assertEquals("Sai ngày sinh", status.reason());
        var current = IssuedStatus.of(f.documents, f.store, f.store.latest(SCOPE, "R-3A-1").orElseThrow().xml()
                .sha256()).orElseThrow();
        assertEquals("ISSUED", current.state());
        assertFalse(current.superseded());
        assertEquals(RecordState.ISSUED, state("R-3A-1"));
        assertEquals(3, FakeSigning.roles(pdf("R-3A-1")).size(), "every signature again");
    }

    @Test
    void revocationNeedsTheSchoolsLeaderAndAReasonAndIsFinal() {
        issue3A();
        assertEquals(RefusalCode.FORBIDDEN,
                assertThrows(WorkflowException.class, () -> f.workflow.revoke(GV3A, "R-3A-2", "nhầm")).code());
        assertEquals(RefusalCode.REASON_REQUIRED,
                assertThrows(WorkflowException.class, () -> f.workflow.revoke(HT, "R-3A-2", "")).code());
        StoredRecord revoked = f.workflow.revoke(PHT, "R-3A-2", "Cấp nhầm cho học sinh khác");
        assertEquals(RecordState.REVOKED, revoked.state());
        assertEquals("Cấp nhầm cho học sinh khác", f.documents.note(S, "R-3A-2", 1, "REVOKED").orElseThrow());
        var status = IssuedStatus.of(f.documents, f.store, revoked.pdf().sha256()).orElseThrow();
        assertTrue(status.revoked());
        assertEquals("Cấp nhầm cho học sinh khác", status.reason());
        assertTrue(IssuedStatus.of(f.documents, f.store, "00".repeat(32)).isEmpty(), "unknown documents: no status");
        assertEquals(RefusalCode.WRONG_STATE,
                assertThrows(WorkflowException.class, () -> f.workflow.correct(HT, "R-3A-2", "sửa")).code());
        assertEquals(RefusalCode.WRONG_STATE,
                assertThrows(WorkflowException.class, () -> f.workflow.revoke(HT, "R-3A-4", "x")).code(),
                "a record never issued cannot be revoked");
    }

    @Test
    void reopeningDropsTheArtefactsAndATeacherReopensOnlyBeforeAnySignature() {
        run(GV3A, JobKind.LOCK, "3A");
        run(GV3A, JobKind.RENDER, "3A");
        StoredRecord reopened = f.workflow.reopen(GV3A, "R-3A-4", "Bổ sung mã định danh");
        assertEquals(RecordState.DRAFT, reopened.state());
        assertEquals(null, reopened.pdf());
        run(GV3A, JobKind.SIGN, "3A");
        assertEquals(RefusalCode.FORBIDDEN,
                assertThrows(WorkflowException.class, () -> f.workflow.reopen(GV3A, "R-3A-1", "sửa")).code());
        assertEquals(RecordState.DRAFT, f.workflow.reopen(HT, "R-3A-1", "Sửa nhận xét").state());
    }

    @Test
    void aRecordWithErrorsIsNotLockedAndSaysWhy() {
        var bad = Fixture.record("R-3A-9", "3A", "HS009", "Lỗi Điểm", "031200000009");
        var broken = bad.withAssessment(new vn.hocba.model.YearAssessment(3, false, List.of(), List.of(), List.of(),
                "", false));
        f.store.saveDraft(SCOPE, broken, vn.hocba.store.RecordRepository.NEW, "import");
        JobView lock = runRecords(GV3A, JobKind.LOCK, "R-3A-9");
        assertEquals(JobStatus.COMPLETED_WITH_ERRORS, lock.status());
        assertEquals(ItemStatus.FAILED, lock.items().get(0).status());
        assertTrue(lock.items().get(0).messageEn().startsWith("The record has errors"), lock.items().get(0)
                .messageEn());
        assertEquals(RecordState.DRAFT, state("R-3A-9"));
    }

    @Test
    void theLiveAssessmentIsFrozenIntoTheRecordWhenLocked() {
        var a = Fixture.goodAssessment();
        var worse = a.withSubject(vn.hocba.model.SubjectResult.of(vn.hocba.model.Subject.TOAN,
                vn.hocba.model.SubjectLevel.HOAN_THANH, 6, "Cần luyện thêm"));
        f.store.saveAssessment(SCOPE, Fixture.Y, "3A", "HS002", worse, 0);
        run(GV3A, JobKind.LOCK, "3A");
        StoredRecord r = f.store.latest(SCOPE, "R-3A-2").orElseThrow();
        assertEquals(worse, r.record().assessment());
        assertEquals("HT", r.record().effectiveResult().nationalCode());
        f.store.saveAssessment(SCOPE, Fixture.Y, "3A", "HS002", a, 1);
        assertEquals(worse, f.store.latest(SCOPE, "R-3A-2").orElseThrow().record().assessment(),
                "a later change of the gradebook does not touch the locked snapshot");
    }

    @Test
    void theDistrictSeesItsSchoolsProgressAndNothingElse() {
        issue3A();
        List<SchoolProgress> progress = f.workflow.progress(PHONG, "HP-AL", YEAR);
        assertEquals(1, progress.size());
        SchoolProgress p = progress.get(0);
        assertEquals(6, p.pupils());
        assertEquals(3L, p.byState().get(RecordState.ISSUED));
        assertEquals(0.5, p.issuedShare());
        assertEquals(RefusalCode.FORBIDDEN,
                assertThrows(WorkflowException.class, () -> f.workflow.progress(OTHER_PHONG, "HP-AL", YEAR)).code());
        assertEquals(RefusalCode.FORBIDDEN,
                assertThrows(WorkflowException.class, () -> f.workflow.progress(HT, "HP-AL", YEAR)).code());
        assertThrows(WorkflowException.class, () -> f.workflow.record(PHONG, "R-3A-1"));
        assertEquals(1, f.workflow.progress(OPERATOR, "HP-AL", YEAR).size());
        f.store.saveSchool(new vn.hocba.model.School("HP-AL-TH02", "Trường Tiểu học An Tiến"));
        assertEquals(2, f.workflow.progress(PHONG, "HP-AL", YEAR).size(),
                "a school registered without its district is placed by its code");
    }

    @Test
    void aJobIsReadByWhoStartedItAndTheSchoolsLeadersOnly() {
        JobView job = run(GV3A, JobKind.LOCK, "3A");
        assertEquals(job.id(), f.workflow.job(HT, job.id()).id());
        assertEquals(RefusalCode.FORBIDDEN,
                assertThrows(WorkflowException.class, () -> f.workflow.job(GV3B, job.id())).code());
        assertEquals(1, f.workflow.jobs(HT, S, 10).size());
        assertEquals(0, f.workflow.jobs(GV3B, S, 10).size());
        assertEquals(RefusalCode.NOT_FOUND,
                assertThrows(WorkflowException.class, () -> f.workflow.job(HT, "nope")).code());
        assertEquals(Step.SIGN_TEACHER, f.workflow.check(GV3A, "R-3A-1", Step.SIGN_TEACHER).step());
        assertEquals(RefusalCode.OUT_OF_ORDER,
                f.workflow.check(GV3A, "R-3A-1", Step.SIGN_TEACHER).refusal().code(), "not rendered yet");
    }
}
