package vn.hocba.export.moet.internal.outbox;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.export.DeliverySummary;
import vn.hocba.export.moet.MemoryStore;
import vn.hocba.export.moet.SampleRecords;
import vn.hocba.export.moet.TestSeal;
import vn.hocba.export.moet.Transports;
import vn.hocba.export.moet.internal.MoetExporter;
import vn.hocba.export.spi.Exporter;
import vn.hocba.export.spi.Transport;
import vn.hocba.model.RecordState;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearRecord;
import vn.hocba.signing.testpki.FlakyReceiver;
import vn.hocba.store.ExportState;
import vn.hocba.store.RecordRef;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.TaskStatus;

class OutboxDeliveryTest {

    private static final String DESTINATION = "moet-tieuhoc-1.0@http";
    private static final SchoolScope SCOPE = SchoolScope.of(SampleRecords.SCHOOL_A.code());

    @TempDir
    Path work;

    private final MoetExporter exporter = new MoetExporter();

    private Outbox outbox(MemoryStore store) {
        return new Outbox(store, store, ns -> ns.equals(exporter.schemaNamespace()) ? Optional.<Exporter>of(exporter)
                : Optional.empty(), code -> TestSeal.shared(), work, 50, Clock.systemUTC());
    }

    private MemoryStore storeWith(int n) {
        MemoryStore store = new MemoryStore();
        for (int i = 0; i < n; i++) {
            YearRecord r = SampleRecords.record(i);
            store.issue(r, exporter.toXml(r, SampleRecords.signatories(r.school())),
                    ("%PDF-1.7 " + r.recordId()).getBytes(StandardCharsets.US_ASCII));
        }
        return store;
    }

    /**
     * 1,000 issued versions through the HTTP transport to a receiver that fails a third of the requests (half of
     * those after storing, so it answers those packages twice) and is restarted once, while the sending host crashes
     * once in the middle (its store calls stop at an arbitrary point, its worker dies) and a new one takes over.
     */
    @Test
    void everyVersionReachesAFlakyReceiverExactlyOnceAcrossRestarts() throws Exception {
        MemoryStore store = storeWith(1000);
        try (FlakyReceiver receiver = new FlakyReceiver(20250530L)) {
            assertEquals(1000, outbox(store).enqueueIssued(SCOPE, new SchoolYear(2024), DESTINATION));
            assertEquals(0, outbox(store).enqueueIssued(SCOPE, new SchoolYear(2024), DESTINATION), "queued once");

            AtomicBoolean crash = new AtomicBoolean();
            AtomicReference<Throwable> died = new AtomicReference<>();
            Thread first = worker(outbox(store), Transports.http(receiver.url(), 3), crash, died);
            first.start();
            waitUntil(() -> receiver.storedCount() >= 300);
            // the host dies: from this instant none of its writes reach the database
            store.down(true);
            crash.set(true);
            first.interrupt();
            first.join(10_000);
            assertFalse(first.isAlive());
            store.down(false);
            assertTrue(receiver.storedCount() < 1000);

            // a new host process over the same database
            Thread second = worker(outbox(store), Transports.http(receiver.url(), 3), new AtomicBoolean(), died);
            second.start();
            waitUntil(() -> receiver.storedCount() >= 600);
            receiver.restart();
            second.join(120_000);
            assertFalse(second.isAlive(), "the second host finished");

            assertNull(died.get(), () -> "the worker failed: " + died.get());
            Map<String, Integer> stored = receiver.stored();
            assertEquals(1000, stored.size());
            assertTrue(stored.values().stream().allMatch(c -> c == 1), "each version stored exactly once");
            assertTrue(receiver.failedBefore.get() > 0 && receiver.lostAnswers.get() > 0);
            assertTrue(receiver.duplicatesAnswered.get() > 0, "some packages were answered twice");
            assertEquals(1, receiver.restarts.get());
            double failedShare = (receiver.failedBefore.get() + receiver.lostAnswers.get())
                    / (double) receiver.requests.get();
            assertTrue(failedShare > 0.15 && failedShare < 0.55, "about a third failed: " + failedShare);

            for (int i = 0; i < 1000; i++) {
                YearRecord r = SampleRecords.record(i);
                RecordRef ref = new RecordRef(r.recordId(), r.version());
                List<ExportState> states = store.exports(SCOPE, ref);
                assertEquals(1, states.size());
                assertEquals(TaskStatus.DONE, states.get(0).status(), ref.toString());
                assertTrue(states.get(0).receipt().contains("BN-"), states.get(0).receipt());
                assertEquals(RecordState.ACCEPTED, store.find(SCOPE, ref).orElseThrow().state());
            }
        }
    }

    @Test
    void aRefusedPackageIsFailedForAPersonAndCanBeQueuedAgain() throws Exception {
        MemoryStore store = storeWith(3);
        Outbox outbox = outbox(store);
        outbox.enqueueIssued(SCOPE, new SchoolYear(2024), DESTINATION);
        Transport refusing = new Transport() {
            @Override
            public String id() {
                return "refusing";
            }

            @Override
            public vn.hocba.export.DeliveryReceipt deliver(vn.hocba.export.ExportPackage pkg) {
                throw new vn.hocba.export.spi.TransportException("từ chối", "refused: schema not accepted", false, null);
            }
        };
        DeliverySummary s = outbox.deliver(SCOPE, "An Lão", DESTINATION, refusing);
        assertEquals(1, s.packagesFailed());
        assertEquals(3, store.exportsWithStatus(SCOPE, DESTINATION, TaskStatus.FAILED).size());
        assertTrue(store.exportsWithStatus(SCOPE, DESTINATION, TaskStatus.FAILED).get(0).message().contains("refused"));
        List<ExportState> failed = store.exportsWithStatus(SCOPE, DESTINATION, TaskStatus.FAILED);
        RecordRef first = failed.get(0).ref();
        assertEquals(1, outbox.requeue(SCOPE, List.of(first, first, new RecordRef("NO-SUCH", 1)), DESTINATION),
                "only the named version that failed; a repeat or an unknown version counts for nothing");
        assertEquals(0, outbox.requeue(SCOPE, List.of(first), DESTINATION), "already queued again");
        assertEquals(TaskStatus.PENDING, store.exports(SCOPE, first).get(0).status());
        assertEquals(2, outbox.requeueFailed(SCOPE, DESTINATION));
        try (FlakyReceiver receiver = new FlakyReceiver(1L)) {
            DeliverySummary ok;
            do {
                ok = outbox.deliver(SCOPE, "An Lão", DESTINATION, Transports.http(receiver.url(), 10));
            } while (!store.exportsWithStatus(SCOPE, DESTINATION, TaskStatus.IN_PROGRESS).isEmpty());
            assertEquals(3, store.exportsWithStatus(SCOPE, DESTINATION, TaskStatus.DONE).size());
            assertEquals(3, receiver.storedCount());
        }
    }

    /**
     * The host dies after the receiver took a package but while the package's versions are being marked DONE: the
     * rest of the package goes out again as the very same package (same id, same bytes), which a strict receiver
     * (one that refuses a key reused with another payload) answers as a repeat.
     */
    @Test
    void aPackageCutByACrashWhileMarkedDoneGoesOutAgainWhole() throws Exception {
        MemoryStore store = storeWith(5);
        Outbox outbox = outbox(store);
        outbox.enqueueIssued(SCOPE, new SchoolYear(2024), DESTINATION);
        Map<String, String> payloads = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer strict = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        strict.createContext("/p", ex -> {
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            String sha = vn.hocba.export.moet.internal.pkg.Hashes.sha256(ex.getRequestBody().readAllBytes());
            String seen = payloads.putIfAbsent(key, sha);
            int status = seen == null ? 201 : seen.equals(sha) ? 200 : 422;
            if (status == 422) conflicts.incrementAndGet();
            byte[] body = ("{\"receiptId\":\"R-" + key + "\",\"duplicate\":" + (seen != null) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        strict.start();
        try {
            Transport http = Transports.http("http://127.0.0.1:" + strict.getAddress().getPort() + "/p", 2);
            assertEquals(5, outbox.deliver(SCOPE, "An Lão", DESTINATION, http).recordsDelivered());
            List<ExportState> done = store.exportsWithStatus(SCOPE, DESTINATION, TaskStatus.DONE);
            // the crash: two of the five were never marked DONE
            for (ExportState s : done.subList(0, 2)) {
                store.putExport(SCOPE, new ExportState(s.ref(), DESTINATION, TaskStatus.IN_PROGRESS, s.batchId(),
                        s.attempts(), "", s.updatedAt(), ""));
            }
            DeliverySummary again = outbox(store).deliver(SCOPE, "An Lão", DESTINATION, http);
            assertEquals(1, again.packagesDelivered());
            assertEquals(0, conflicts.get(), "the same package, byte for byte");
            assertEquals(1, payloads.size());
            assertEquals(5, store.exportsWithStatus(SCOPE, DESTINATION, TaskStatus.DONE).size());
            assertTrue(store.exportsWithStatus(SCOPE, DESTINATION, TaskStatus.DONE).get(4).message()
                    .startsWith("duplicate receipt"));
        } finally {
            strict.stop(0);
        }
    }

    /**
     * The host dies after any one of the writes of a delivery (the package id fixed into each version, each record
     * advanced, each version marked DONE): after the restart every version is DONE, its record ACCEPTED and the
     * receiver holds it once. Never DONE with the record left ISSUED (nothing would send or advance it again).
     */
    @Test
    void aHostDyingAfterAnyWriteOfADeliveryLeavesEveryVersionDeliveredAndAdvanced() throws Exception {
        int writes = 3 + 3 * 3; // IN_PROGRESS of each, then per version SENT, ACCEPTED and DONE
        for (int crashAfter = 0; crashAfter <= writes; crashAfter++) {
            String at = "the host died after write " + crashAfter;
            MemoryStore store = storeWith(3);
            outbox(store).enqueueIssued(SCOPE, new SchoolYear(2024), DESTINATION);
            try (FlakyReceiver receiver = new FlakyReceiver(crashAfter, 0)) {
                Transport http = Transports.http(receiver.url(), 2);
                store.downAfterWrites(crashAfter);
                try {
                    outbox(store).deliver(SCOPE, "An Lão", DESTINATION, http);
                } catch (vn.hocba.store.StoreException dying) {
                    // the host's last cycle ends here
                }
                store.downAfterWrites(-1);
                store.down(false);

                Outbox restarted = outbox(store);
                for (int cycle = 0; cycle < 3 && !restarted.idle(SCOPE, DESTINATION); cycle++) {
                    restarted.deliver(SCOPE, "An Lão", DESTINATION, http);
                }
                assertTrue(restarted.idle(SCOPE, DESTINATION), at);
                assertEquals(3, receiver.storedCount(), at);
                assertTrue(receiver.stored().values().stream().allMatch(c -> c == 1), at + ": " + receiver.stored());
                assertEquals(0, receiver.changedRepeats.get(), at);
                for (int i = 0; i < 3; i++) {
                    YearRecord r = SampleRecords.record(i);
                    RecordRef ref = new RecordRef(r.recordId(), r.version());
                    assertEquals(TaskStatus.DONE, store.exports(SCOPE, ref).get(0).status(), at + ": " + ref);
                    assertEquals(RecordState.ACCEPTED, store.find(SCOPE, ref).orElseThrow().state(), at + ": " + ref);
                }
            }
        }
    }

    @Test
    void onlyIssuedVersionsAreQueued() {
        MemoryStore store = new MemoryStore();
        assertThrows(vn.hocba.export.ExportException.class,
                () -> outbox(store).enqueue(SCOPE, new RecordRef("nope", 1), DESTINATION));
    }

    private static Thread worker(Outbox outbox, Transport transport, AtomicBoolean crash,
            AtomicReference<Throwable> died) {
        Thread t = new Thread(() -> {
            while (!crash.get()) {
                try {
                    outbox.deliver(SCOPE, SampleRecords.SCHOOL_A.name(), DESTINATION, transport);
                    if (outbox.idle(SCOPE, DESTINATION)) return;
                } catch (RuntimeException e) {
                    if (!crash.get()) died.set(e);
                    if (crash.get()) return;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    if (crash.get()) return;
                }
            }
        }, "export-worker");
        t.setDaemon(true);
        return t;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("condition not reached in time");
            Thread.sleep(5);
        }
    }
}
