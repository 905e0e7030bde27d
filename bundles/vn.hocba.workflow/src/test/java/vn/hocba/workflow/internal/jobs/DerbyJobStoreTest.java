package vn.hocba.workflow.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class DerbyJobStoreTest extends JobStoreContract {
    private final JobStore store = new JdbcJobStore(Databases.derby());

    @Override
    JobStore store() {
        return store;
    }

    /**
     * The workers of a host wake together when a job arrives: one of them takes the whole batch (one provider call,
     * one confirmation), the other finds nothing — never a class split between two signing batches.
     */
    @Test
    void workersClaimingAtOnceDoNotSplitABatch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                String jobId = "W" + round;
                store.create(job(jobId, false, round), items(jobId, 12));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<Claim>>> claims = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    String worker = "host-a-" + w;
                    claims.add(pool.submit(() -> {
                        start.await();
                        return store.claim(worker, j -> 50, NOW, NOW + 60_000, Set.of());
                    }));
                }
                start.countDown();
                List<Integer> sizes = new ArrayList<>();
                for (Future<Optional<Claim>> c : claims) {
                    c.get().ifPresent(claim -> sizes.add(claim.items().size()));
                }
                assertEquals(List.of(12), sizes, "round " + round + ": the claims of the workers");
                store.items(jobId).forEach(i -> store.finish(jobId, i.itemNo(), i.owner(), vn.hocba.workflow.ItemStatus.DONE, "", ""));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
