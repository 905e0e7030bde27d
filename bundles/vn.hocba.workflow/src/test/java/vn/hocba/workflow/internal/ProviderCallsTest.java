package vn.hocba.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.hocba.workflow.internal.Fixture.GV3A;
import static vn.hocba.workflow.internal.Fixture.S;
import static vn.hocba.workflow.internal.Fixture.YEAR;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.workflow.ItemStatus;
import vn.hocba.workflow.JobKind;
import vn.hocba.workflow.JobRequest;
import vn.hocba.workflow.JobStatus;
import vn.hocba.workflow.JobView;

/** What the workflow hands a provider, and how it takes a provider's absence, across the batches of one job. */
class ProviderCallsTest {

    private static Fixture renderedClassInBatchesOfTwo() {
        Fixture f = new Fixture(2); // class 3A has 3 records: two provider batches
        f.workflow.submit(GV3A, JobRequest.forClass(JobKind.LOCK, S, YEAR, "3A"));
        f.host.drain();
        f.workflow.submit(GV3A, JobRequest.forClass(JobKind.RENDER, S, YEAR, "3A"));
        f.host.drain();
        return f;
    }

    @Test
    void everyBatchOfAPinJobGetsThePinEvenThoughTheProviderClearsIt() {
        Fixture f = renderedClassInBatchesOfTwo();
        f.engines.provider.pin = "1234";
        JobView sign = f.workflow.submit(GV3A, new JobRequest(JobKind.SIGN, S, YEAR, "3A", List.of(), "", "",
                Authorisation.pin("1234".toCharArray())));
        f.host.drain();
        JobView done = f.workflow.job(GV3A, sign.id());
        assertEquals(JobStatus.COMPLETED, done.status(), done.toString());
        assertEquals(2, f.engines.provider.batches.get(), "two batches, each with the PIN");
    }

    @Test
    void aProviderThatCannotListCredentialsMakesTheBatchWaitNotFail() {
        Fixture f = renderedClassInBatchesOfTwo();
        JobView sign = f.workflow.submit(GV3A, JobRequest.forClass(JobKind.SIGN, S, YEAR, "3A"));
        f.engines.provider.credentialsUnavailable = true; // the remote service goes down after the job was accepted
        f.host.drain();
        JobView waiting = f.workflow.job(GV3A, sign.id());
        assertEquals(3, waiting.items().stream().filter(i -> i.status() == ItemStatus.PENDING).count(),
                waiting.toString());

        f.engines.provider.credentialsUnavailable = false;
        f.clock.advance(f.settings.retryMillis() + 1);
        f.host.drain();
        assertEquals(JobStatus.COMPLETED, f.workflow.job(GV3A, sign.id()).status());
    }
}
