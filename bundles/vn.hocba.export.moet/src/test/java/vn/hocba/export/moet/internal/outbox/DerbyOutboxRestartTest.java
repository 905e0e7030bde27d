package vn.hocba.export.moet.internal.outbox;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.TaskStatus;
import vn.hocba.store.jpa.internal.DerbyDataSourceFactory;
import vn.hocba.store.jpa.internal.JpaStore;
import vn.hocba.store.jpa.internal.StoreOpener;

/**
 * The outbox on the real store (Derby): the database is closed under the running worker (the host dies) and opened
 * again by a new one (the host restarts), while the receiver fails a third of the requests and restarts once.
 */
class DerbyOutboxRestartTest {

    private static final String DESTINATION = "moet-tieuhoc-1.0@http";
    private static final SchoolScope SCOPE = SchoolScope.of(SampleRecords.SCHOOL_A.code());
    private static final int RECORDS = 60;

    @TempDir
    Path tmp;

    private final MoetExporter exporter = new MoetExporter();

    private JpaStore open() throws Exception {
        return StoreOpener.open(new DerbyDataSourceFactory(), "jdbc:derby:" + tmp.resolve("db").toAbsolutePath()
                + ";create=true", "", "", JpaStore.class.getProtectionDomain().getCodeSource().getLocation(),
                JpaStore.class.getClassLoader(), 4, Clock.systemUTC());
    }

    private Outbox outbox(JpaStore store) {
        return new Outbox(store, store, ns -> ns.equals(exporter.schemaNamespace()) ? Optional.<Exporter>of(exporter)
                : Optional.empty(), code -> TestSeal.shared(), tmp.resolve("work"), 6, Clock.systemUTC());
    }

    @Test
    void versionsReachTheReceiverExactlyOnceAcrossADatabaseReopen() throws Exception {
        System.setProperty("derby.stream.error.file", tmp.resolve("derby.log").toString());
        JpaStore first = open();
        first.saveSchool(SampleRecords.SCHOOL_A);
        List<YearRecord> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) records.add(SampleRecords.record(SampleRecords.SCHOOL_A, i, 3,
                new SchoolYear(2024), RecordState.DRAFT).withOverride(null));
        first.writeClass(SCOPE, records.get(0).schoolClass(), records, "gv.hoa");
        for (YearRecord r : records) {
            StoredRecord s = first.latest(SCOPE, r.recordId()).orElseThrow();
            s = first.transition(SCOPE, s.ref(), RecordState.LOCKED, s.revision(), "gv", "");
            s = first.transition(SCOPE, s.ref(), RecordState.TEACHER_SIGNED, s.revision(), "gv", "");
            s = first.transition(SCOPE, s.ref(), RecordState.PRINCIPAL_SIGNED, s.revision(), "ht", "");
            s = first.attachArtefacts(SCOPE, s.ref(), ("%PDF-1.7 " + r.recordId()).getBytes(StandardCharsets.US_ASCII),
                    exporter.toXml(s.record(), SampleRecords.signatories(r.school())), s.revision(), "seal");
            first.transition(SCOPE, s.ref(), RecordState.ISSUED, s.revision(), "ht", "");
        }
        try (FlakyReceiver receiver = new FlakyReceiver(77L)) {
            assertEquals(RECORDS, outbox(first).enqueueIssued(SCOPE, new SchoolYear(2024), DESTINATION));
            AtomicBoolean crash = new AtomicBoolean();
            Thread worker = worker(outbox(first), Transports.http(receiver.url(), 3), crash);
            worker.start();
            waitUntil(() -> receiver.storedCount() >= RECORDS / 3, first);
            crash.set(true);
            first.close(); // the host dies: its database connection goes away under the worker
            worker.interrupt();
            worker.join(30_000);
            assertFalse(worker.isAlive());

            try (JpaStore second = open()) { // the host starts again on the same database
                Thread next = worker(outbox(second), Transports.http(receiver.url(), 3), new AtomicBoolean());
                next.start();
                waitUntil(() -> receiver.storedCount() >= 2 * RECORDS / 3, second);
                receiver.restart();
                next.join(180_000);
                assertFalse(next.isAlive());

                Map<String, Integer> stored = receiver.stored();
                assertEquals(RECORDS, stored.size());
                assertTrue(stored.values().stream().allMatch(c -> c == 1), "each version stored exactly once");
                assertTrue(receiver.duplicatesAnswered.get() > 0);
                assertEquals(RECORDS, second.exportsWithStatus(SCOPE, DESTINATION, TaskStatus.DONE).size());
                assertEquals(RECORDS, second.inState(SCOPE, new SchoolYear(2024), null,
                        Set.of(RecordState.ACCEPTED)).size());
            }
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, JpaStore store)
            throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder states = new StringBuilder();
                for (TaskStatus t : TaskStatus.values()) {
                    var list = store.exportsWithStatus(SCOPE, DESTINATION, t);
                    states.append(t).append('=').append(list.size()).append(' ')
                            .append(list.isEmpty() ? "" : list.get(0).message()).append("; ");
                }
                fail("not reached in time; outbox: " + states);
            }
            Thread.sleep(5);
        }
    }

    private static Thread worker(Outbox outbox, Transport transport, AtomicBoolean crash) {
        Thread t = new Thread(() -> {
            while (!crash.get()) {
                try {
                    outbox.deliver(SCOPE, SampleRecords.SCHOOL_A.name(), DESTINATION, transport);
                    if (outbox.idle(SCOPE, DESTINATION)) return;
                } catch (RuntimeException e) {
                    if (crash.get()) return;
                    System.err.println("cycle failed: " + e);
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
}
