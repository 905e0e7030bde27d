package vn.hocba.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hocba.workflow.internal.Fixture.GV3A;
import static vn.hocba.workflow.internal.Fixture.S;
import static vn.hocba.workflow.internal.Fixture.YEAR;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import vn.hocba.workflow.ItemStatus;
import vn.hocba.workflow.JobKind;
import vn.hocba.workflow.JobRequest;
import vn.hocba.workflow.JobStatus;
import vn.hocba.workflow.JobView;

/** A signing batch given back because its provider was away comes back as one batch, not record by record. */
class BatchRetryTest {

    /** The fixture's time, plus one millisecond more at every reading while ticking (a real clock moves during a batch). */
    static final class TickingClock extends Clock {
        private final Fixture.TestClock base;
        private final AtomicLong ticks = new AtomicLong();
        volatile boolean ticking = true;

        TickingClock(Fixture.TestClock base) {
            this.base = base;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return base.instant().plusMillis(ticking ? ticks.incrementAndGet() : ticks.get());
        }
    }

    @Test
    void theItemsOfABatchWhoseProviderWasUnavailableAreRetriedTogetherInOneBatch() {
        Fixture f = new Fixture();
        f.workflow.submit(GV3A, JobRequest.forClass(JobKind.LOCK, S, YEAR, "3A"));
        f.host.drain();
        f.workflow.submit(GV3A, JobRequest.forClass(JobKind.RENDER, S, YEAR, "3A"));
        f.host.drain();
        TickingClock clock = new TickingClock(f.clock);
        JobProcessor host = new JobProcessor(f.stores, f.engines, f.jobs, f.documents, f.settings, clock,
                f.authorisations);

        f.engines.provider.unavailable = true;
        JobView sign = f.workflow.submit(GV3A, JobRequest.forClass(JobKind.SIGN, S, YEAR, "3A"));
        assertTrue(host.runOnce());
        JobView waiting = f.workflow.job(GV3A, sign.id());
        long pending = waiting.items().stream().filter(i -> i.status() == ItemStatus.PENDING).count();
        assertEquals(3, pending, waiting.toString());
        assertEquals(0, f.engines.provider.batches.get());

        f.engines.provider.unavailable = false;
        // the host looks again at the earliest time any item of the batch may be retried
        clock.ticking = false;
        long firstRetry = f.jobs.items(sign.id()).stream().filter(i -> i.status() == ItemStatus.PENDING).mapToLong(i -> i.leaseUntil()).min().orElseThrow();
        f.clock.now = Instant.ofEpochMilli(firstRetry - clock.ticks.get());
        assertTrue(host.runOnce(), "the batch is claimed again");
        assertEquals(1, f.engines.provider.batches.get(), "one provider batch for the three records");
        assertEquals(JobStatus.COMPLETED, f.workflow.job(GV3A, sign.id()).status());
    }
}
