package vn.hocba.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hocba.workflow.internal.Fixture.GV3A;
import static vn.hocba.workflow.internal.Fixture.S;
import static vn.hocba.workflow.internal.Fixture.SCOPE;
import static vn.hocba.workflow.internal.Fixture.YEAR;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hocba.model.RecordState;
import vn.hocba.signing.SignerRole;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.StoredRecord;
import vn.hocba.workflow.ItemStatus;
import vn.hocba.workflow.JobKind;
import vn.hocba.workflow.JobRequest;
import vn.hocba.workflow.JobStatus;
import vn.hocba.workflow.JobView;
import vn.hocba.workflow.internal.fakes.FakeSigning;
import vn.hocba.workflow.internal.fakes.InMemoryStore;

/**
 * Hosts that die in the middle of a batch, hosts that share a job, remote signers and missing services: in every
 * case each record ends fully at the new state with exactly one signature per role, or stays at the old state.
 */
class JobRecoveryTest {

    static final List<String> SIGNABLE = List.of("R-3A-1", "R-3A-2", "R-3A-3");

    Fixture f;

    JobView renderedAndSubmitted(Fixture fixture) {
        f = fixture;
        f.workflow.submit(GV3A, JobRequest.forClass(JobKind.LOCK, S, YEAR, "3A"));
        f.host.drain();
        f.workflow.submit(GV3A, JobRequest.forClass(JobKind.RENDER, S, YEAR, "3A"));
        f.host.drain();
        return f.workflow.submit(GV3A, JobRequest.forClass(JobKind.SIGN, S, YEAR, "3A"));
    }

    StoredRecord latest(String id) {
        return f.store.latest(SCOPE, id).orElseThrow();
    }

    List<SignerRole> pdfRoles(String id) {
        StoredRecord r = latest(id);
        return FakeSigning.roles(f.store.artefact(SCOPE, r.ref(), ArtefactKind.PDF).orElseThrow());
    }

    void assertSignedOnceByTheTeacher() {
        for (String id : SIGNABLE) {
            assertEquals(RecordState.TEACHER_SIGNED, latest(id).state(), id);
            assertEquals(List.of(SignerRole.HOMEROOM_TEACHER), pdfRoles(id), id);
            StoredRecord r = latest(id);
            assertEquals(List.of(SignerRole.HOMEROOM_TEACHER),
                    FakeSigning.roles(f.store.artefact(SCOPE, r.ref(), ArtefactKind.XML).orElseThrow()), id);
        }
    }

    /** Each record is fully at one of the two states: LOCKED and unsigned, or TEACHER_SIGNED and signed once. */
    void assertNoRecordHalfDone() {
        for (String id : SIGNABLE) {
            List<SignerRole> roles = pdfRoles(id);
            if (latest(id).state() == RecordState.LOCKED) assertEquals(List.of(), roles, id);
            else assertEquals(List.of(SignerRole.HOMEROOM_TEACHER), roles, id);
        }
    }

    @Test
    void aHostKilledWhileWritingTheBatchLeavesTheRestToAnotherHostWhichWritesTheSameSignatures() {
        JobView job = renderedAndSubmitted(new Fixture());
        f.store.crashAtWrite = 2; // record 1 written (one write: artefacts and state), killed in the write of record 2
        assertThrows(InMemoryStore.HostCrash.class, f.host::runOnce);
        assertEquals(RecordState.TEACHER_SIGNED, latest("R-3A-1").state());
        assertEquals(RecordState.LOCKED, latest("R-3A-2").state());
        assertNoRecordHalfDone();

        JobProcessor b = f.processor("host-b");
        assertEquals(0, b.drain(), "the dead host's lease still holds");
        f.clock.advance(f.settings.leaseMillis() + 1);
        b.drain();
        assertSignedOnceByTheTeacher();
        assertEquals(1, f.engines.provider.batches.get(), "the staged signatures were written, none made again");
        JobView done = f.workflow.job(GV3A, job.id());
        assertEquals(JobStatus.COMPLETED, done.status());
        assertEquals(3, done.done());
        // which host did which record: the first by the host that died after writing it, the others by its successor
        assertEquals(List.of("host-a", "host-b", "host-b"), done.items().stream()
                .filter(i -> i.status() == ItemStatus.DONE).map(JobView.Item::host).toList(), done.items().toString());
    }

    @Test
    void aHostKilledInTheWriteOfARecordLeavesItUnsignedAndTheNextHostWritesTheStagedSignature() {
        renderedAndSubmitted(new Fixture());
        f.store.crashAtWrite = 1; // killed in the write of record 1 (its signed artefacts and its state, together)
        assertThrows(InMemoryStore.HostCrash.class, f.host::runOnce);
        assertEquals(RecordState.LOCKED, latest("R-3A-1").state());
        assertNoRecordHalfDone();
        f.clock.advance(f.settings.leaseMillis() + 1);
        f.processor("host-b").drain();
        assertSignedOnceByTheTeacher();
        assertEquals(1, f.engines.provider.batches.get());
    }

    @Test
    void aHostKilledBetweenTheArtefactsAndTheStateOfAStoreWithoutTransactionsIsCompletedByTheNextHost() {
        renderedAndSubmitted(new Fixture());
        f.store.signingStepInTwoWrites = true;
        f.store.crashAtWrite = 2; // the artefacts of record 1 written, killed in its state change
        assertThrows(InMemoryStore.HostCrash.class, f.host::runOnce);
        assertEquals(RecordState.LOCKED, latest("R-3A-1").state());
        f.clock.advance(f.settings.leaseMillis() + 1);
        f.processor("host-b").drain();
        assertSignedOnceByTheTeacher();
        assertEquals(1, f.engines.provider.batches.get());
    }

    @Test
    void aHostKilledWhileTheProviderSignsLeavesNothingAndTheBatchIsSignedAgain() {
        renderedAndSubmitted(new Fixture());
        f.engines.provider.crashOnSign = true;
        assertThrows(InMemoryStore.HostCrash.class, f.host::runOnce);
        assertNoRecordHalfDone();
        assertEquals(RecordState.LOCKED, latest("R-3A-1").state());
        f.clock.advance(f.settings.leaseMillis() + 1);
        f.processor("host-b").drain();
        assertSignedOnceByTheTeacher();
        assertEquals(2, f.engines.provider.batches.get());
    }

    @Test
    void aRecordSignedInThePdfButNotMovedOnIsRolledForwardByANewJob() {
        JobView first = renderedAndSubmitted(new Fixture());
        f.store.signingStepInTwoWrites = true;
        f.store.crashAtWrite = 2;
        assertThrows(InMemoryStore.HostCrash.class, f.host::runOnce);
        // the job is cancelled and a new one started: it finds the signature in the PDF instead of signing twice
        f.workflow.cancel(GV3A, first.id());
        f.clock.advance(f.settings.leaseMillis() + 1);
        JobView second = f.workflow.submit(GV3A, JobRequest.forClass(JobKind.SIGN, S, YEAR, "3A"));
        f.host.drain();
        assertSignedOnceByTheTeacher();
        assertEquals(JobStatus.COMPLETED, f.workflow.job(GV3A, second.id()).status());
        assertEquals(JobStatus.CANCELLED, f.workflow.job(GV3A, first.id()).status());
    }

    @Test
    void twoHostsShareOneJobAndEveryRecordIsSignedExactlyOnce() {
        JobView job = renderedAndSubmitted(new Fixture(2));
        JobProcessor b = f.processor("host-b");
        assertTrue(f.host.runOnce(), "host a takes the first chunk of 2");
        assertTrue(b.runOnce(), "host b takes the rest");
        assertEquals(0, f.host.drain() + b.drain());
        assertSignedOnceByTheTeacher();
        assertEquals(2, f.engines.provider.batches.get());
        assertEquals(3, f.engines.pades.embedded.get(), "three PDFs signed, none twice");
        assertEquals(JobStatus.COMPLETED, f.workflow.job(GV3A, job.id()).status());
    }

    @Test
    void aRemoteSignerConfirmsLaterAndAnyHostFinishesTheBatch() {
        f = new Fixture();
        f.engines.provider.remote = true;
        JobView job = renderedAndSubmitted(f);
        f.host.drain();
        JobView waiting = f.workflow.job(GV3A, job.id());
        assertEquals(JobStatus.AWAITING_CONFIRMATION, waiting.status());
        assertEquals(3, waiting.items().stream().filter(i -> i.status() == ItemStatus.AWAITING).count());
        assertEquals(RecordState.LOCKED, latest("R-3A-1").state());

        JobProcessor b = f.processor("host-b");
        f.clock.advance(2000);
        b.drain();
        assertEquals(JobStatus.AWAITING_CONFIRMATION, f.workflow.job(GV3A, job.id()).status(), "not confirmed yet");
        f.engines.provider.confirmed = true;
        f.clock.advance(2000);
        b.drain();
        assertSignedOnceByTheTeacher();
        assertEquals(1, f.engines.provider.batches.get());
        assertEquals(JobStatus.COMPLETED, f.workflow.job(GV3A, job.id()).status());
    }

    @Test
    void aMissingProviderOrRendererDelaysTheItemsInsteadOfFailingThem() {
        f = new Fixture();
        f.workflow.submit(GV3A, JobRequest.forClass(JobKind.LOCK, S, YEAR, "3A"));
        f.host.drain();
        f.engines.withRenderer = false;
        JobView render = f.workflow.submit(GV3A, JobRequest.forClass(JobKind.RENDER, S, YEAR, "3A"));
        f.host.drain();
        JobView waiting = f.workflow.job(GV3A, render.id());
        assertEquals(4, waiting.items().stream().filter(i -> i.status() == ItemStatus.PENDING).count());
        assertTrue(waiting.items().get(0).messageEn().contains("renderer"), waiting.items().get(0).messageEn());
        f.engines.withRenderer = true;
        f.clock.advance(f.settings.retryMillis());
        f.host.drain();
        assertEquals(JobStatus.COMPLETED, f.workflow.job(GV3A, render.id()).status());

        f.engines.provider.unavailable = true;
        JobView sign = f.workflow.submit(GV3A, JobRequest.forClass(JobKind.SIGN, S, YEAR, "3A"));
        f.host.drain();
        assertEquals(JobStatus.RUNNING, f.workflow.job(GV3A, sign.id()).status());
        f.engines.provider.unavailable = false;
        f.clock.advance(f.settings.retryMillis());
        f.host.drain();
        assertSignedOnceByTheTeacher();
    }
}
