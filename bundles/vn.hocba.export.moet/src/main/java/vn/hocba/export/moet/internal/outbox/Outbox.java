package vn.hocba.export.moet.internal.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.hocba.export.DeliveryReceipt;
import vn.hocba.export.DeliverySummary;
import vn.hocba.export.ExportException;
import vn.hocba.export.ExportPackage;
import vn.hocba.export.moet.internal.pkg.PackageWriter;
import vn.hocba.export.moet.internal.pkg.SealKey;
import vn.hocba.export.spi.Exporter;
import vn.hocba.export.spi.Transport;
import vn.hocba.export.spi.TransportException;
import vn.hocba.model.RecordState;
import vn.hocba.model.SchoolYear;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.ConflictException;
import vn.hocba.store.ExportState;
import vn.hocba.store.IllegalTransitionException;
import vn.hocba.store.NotFoundException;
import vn.hocba.store.ProcessingStateRepository;
import vn.hocba.store.RecordRef;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.TaskStatus;

/**
 * The persistent outbox of record versions per destination, kept in the store's export states:
 * <ul>
 * <li>PENDING: queued;</li>
 * <li>IN_PROGRESS with a batch id: packed into that package. The batch id is written before the first delivery
 * try, so after a restart or an outage the same records go out again under the same package id (the idempotency
 * key the receiver dedupes on), never under a new one;</li>
 * <li>DONE with the receipt; FAILED when the receiver refused the package (a person looks, then requeues).</li>
 * </ul>
 * At-least-once delivery plus the receiver's dedupe by package id = each version received exactly once.
 * Not thread-safe per school: one worker runs the cycles of a school.
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    static final String ACTOR = "system:export";

    private final RecordRepository records;
    private final ProcessingStateRepository states;
    private final Function<String, Optional<Exporter>> exporterByNamespace;
    private final SealKey.Source seals;
    private final Path workDir;
    private final int batchSize;
    private final Clock clock;

    public Outbox(RecordRepository records, ProcessingStateRepository states,
            Function<String, Optional<Exporter>> exporterByNamespace, SealKey.Source seals, Path workDir,
            int batchSize, Clock clock) {
        this.records = records;
        this.states = states;
        this.exporterByNamespace = exporterByNamespace;
        this.seals = seals;
        this.workDir = workDir;
        this.batchSize = Math.max(1, batchSize);
        this.clock = clock;
    }

    public ExportState enqueue(SchoolScope scope, RecordRef ref, String destination) {
        Optional<ExportState> existing = state(scope, ref, destination);
        if (existing.isPresent()) return existing.get();
        StoredRecord stored = records.find(scope, ref).orElseThrow(() -> new ExportException(
                "Không có học bạ " + ref + " ở trường " + scope.schoolCode(),
                "No record " + ref + " at school " + scope.schoolCode()));
        if (!stored.state().isIssued() && stored.state() != RecordState.SUPERSEDED) {
            throw new ExportException("Học bạ " + ref + " chưa phát hành (" + stored.state().label() + ")",
                    "Record " + ref + " is not issued (" + stored.state() + ")");
        }
        return states.putExport(scope, new ExportState(ref, destination, TaskStatus.PENDING, "", 0, "",
                clock.instant(), ""));
    }

    public int enqueueIssued(SchoolScope scope, SchoolYear year, String destination) {
        int queued = 0;
        for (StoredRecord r : records.inState(scope, year, null,
                Set.of(RecordState.ISSUED, RecordState.SENT, RecordState.ACCEPTED))) {
            if (state(scope, r.ref(), destination).isEmpty()) {
                states.putExport(scope, new ExportState(r.ref(), destination, TaskStatus.PENDING, "", 0, "",
                        clock.instant(), ""));
                queued++;
            }
        }
        return queued;
    }

    public int requeueFailed(SchoolScope scope, String destination) {
        List<ExportState> failed = states.exportsWithStatus(scope, destination, TaskStatus.FAILED);
        for (ExportState s : failed) {
            states.putExport(scope, new ExportState(s.ref(), destination, TaskStatus.PENDING, "", s.attempts(), "",
                    clock.instant(), "requeued"));
        }
        return failed.size();
    }

    /** Queues again those of the versions the receiver refused (FAILED); the others are left as they are. */
    public int requeue(SchoolScope scope, Collection<RecordRef> refs, String destination) {
        int queued = 0;
        for (RecordRef ref : new LinkedHashSet<>(refs)) {
            Optional<ExportState> s = state(scope, ref, destination);
            if (s.isPresent() && s.get().status() == TaskStatus.FAILED) {
                states.putExport(scope, new ExportState(ref, destination, TaskStatus.PENDING, "", s.get().attempts(),
                        "", clock.instant(), "requeued"));
                queued++;
            }
        }
        return queued;
    }

    /** Nothing queued or in flight for the destination. */
    public boolean idle(SchoolScope scope, String destination) {
        return states.exportsWithStatus(scope, destination, TaskStatus.PENDING).isEmpty()
                && states.exportsWithStatus(scope, destination, TaskStatus.IN_PROGRESS).isEmpty();
    }

    private Optional<ExportState> state(SchoolScope scope, RecordRef ref, String destination) {
        return states.exports(scope, ref).stream().filter(s -> s.exporterId().equals(destination)).findFirst();
    }

    /**
     * One cycle: the packages already started (oldest first), then new packages of queued versions. Stops at the
     * first package that could not be delivered for a reason that may pass (the receiver is down): the rest waits.
     */
    public DeliverySummary deliver(SchoolScope scope, String schoolName, String destination, Transport transport) {
        Tally tally = new Tally();
        Map<String, List<ExportState>> started = new LinkedHashMap<>();
        for (ExportState s : states.exportsWithStatus(scope, destination, TaskStatus.IN_PROGRESS)) {
            started.computeIfAbsent(s.batchId(), k -> new ArrayList<>()).add(s);
        }
        if (!started.isEmpty()) {
            // a crash while marking a delivered package DONE leaves part of it in flight: send it whole again, so
            // the receiver gets the same package (same id, same records, same bytes) and answers it as a repeat
            for (ExportState s : states.exportsWithStatus(scope, destination, TaskStatus.DONE)) {
                List<ExportState> batch = started.get(s.batchId());
                if (batch != null) batch.add(s);
            }
        }
        for (var batch : started.entrySet()) {
            List<Loaded> loaded = new ArrayList<>();
            for (ExportState s : batch.getValue()) {
                load(scope, s, destination).ifPresent(loaded::add);
            }
            if (!loaded.isEmpty() && !send(scope, schoolName, destination, transport, batch.getKey(), loaded, tally)) {
                return tally.summary();
            }
        }
        List<ExportState> pending = new ArrayList<>(states.exportsWithStatus(scope, destination, TaskStatus.PENDING));
        pending.sort(Comparator.comparing(ExportState::updatedAt));
        Map<String, List<Loaded>> byNamespace = new LinkedHashMap<>();
        for (ExportState s : pending) {
            Optional<Loaded> l = load(scope, s, destination);
            if (l.isEmpty()) continue;
            List<Loaded> group = byNamespace.computeIfAbsent(l.get().namespace(), k -> new ArrayList<>());
            group.add(l.get());
            if (group.size() >= batchSize) {
                byNamespace.remove(l.get().namespace());
                if (!startAndSend(scope, schoolName, destination, transport, group, tally)) return tally.summary();
            }
        }
        for (List<Loaded> group : byNamespace.values()) {
            if (!startAndSend(scope, schoolName, destination, transport, group, tally)) return tally.summary();
        }
        return tally.summary();
    }

    /** Writes the batch id into every state before anything leaves: from here on the package's content is fixed. */
    private boolean startAndSend(SchoolScope scope, String schoolName, String destination, Transport transport,
            List<Loaded> group, Tally tally) {
        String packageId = UUID.randomUUID().toString();
        List<Loaded> marked = new ArrayList<>();
        for (Loaded l : group) {
            ExportState s = states.putExport(scope, new ExportState(l.state().ref(), destination,
                    TaskStatus.IN_PROGRESS, packageId, l.state().attempts(), "", clock.instant(), ""));
            marked.add(new Loaded(s, l.item(), l.namespace()));
        }
        return send(scope, schoolName, destination, transport, packageId, marked, tally);
    }

    /** @return false when the receiver could not be reached (stop this cycle) */
    private boolean send(SchoolScope scope, String schoolName, String destination, Transport transport,
            String packageId, List<Loaded> batch, Tally tally) {
        String namespace = batch.get(0).namespace();
        ExportPackage pkg = null;
        try {
            Exporter exporter = exporterByNamespace.apply(namespace).orElseThrow(() -> new ExportException(
                    "Không có bộ xuất dữ liệu cho lược đồ " + namespace, "No exporter for schema " + namespace));
            PackageWriter.SchemaInfo schema = new PackageWriter.SchemaInfo(exporter.id(), exporter.schemaNamespace(),
                    exporter.schemaVersion());
            pkg = PackageWriter.write(packageId, scope.schoolCode(), schoolName, schema,
                    batch.stream().map(Loaded::item).toList(), seals.sealOf(scope.schoolCode()),
                    workDir.resolve(scope.schoolCode()));
            DeliveryReceipt receipt = transport.deliver(pkg);
            for (Loaded l : batch) {
                // the record's state first, DONE last: a host that stops in between sends the package again (the
                // receiver answers it as a repeat) and finds the record advanced; never DONE with the record ISSUED
                advance(scope, l.state().ref(), receipt.acknowledged());
                states.putExport(scope, new ExportState(l.state().ref(), destination, TaskStatus.DONE, packageId,
                        l.state().attempts() + 1, receipt.body().isEmpty() ? receipt.receiptId() : receipt.body(),
                        clock.instant(), receipt.duplicate() ? "duplicate receipt " + receipt.receiptId()
                                : "receipt " + receipt.receiptId()));
            }
            tally.delivered(batch.size());
            return true;
        } catch (TransportException e) {
            TaskStatus next = e.retryable() ? TaskStatus.IN_PROGRESS : TaskStatus.FAILED;
            for (Loaded l : batch) {
                if (l.state().status() == TaskStatus.DONE) continue;
                states.putExport(scope, new ExportState(l.state().ref(), destination, next,
                        e.retryable() ? packageId : "", l.state().attempts() + 1, "", clock.instant(),
                        e.getMessage() + " / " + e.messageVi()));
            }
            tally.failed(packageId + ": " + e.getMessage());
            return !e.retryable();
        } catch (ExportException e) {
            for (Loaded l : batch) {
                if (l.state().status() == TaskStatus.DONE) continue;
                states.putExport(scope, new ExportState(l.state().ref(), destination, TaskStatus.IN_PROGRESS,
                        packageId, l.state().attempts(), "", clock.instant(), e.getMessage() + " / " + e.messageVi()));
            }
            tally.failed(packageId + ": " + e.getMessage());
            return false;
        } finally {
            if (pkg != null) {
                try {
                    Files.deleteIfExists(pkg.file());
                } catch (IOException e) {
                    LOG.log(Level.FINE, "cannot delete " + pkg.file(), e);
                }
            }
        }
    }

    /**
     * ISSUED → SENT (→ ACCEPTED when the receiver acknowledged); versions superseded or revoked meanwhile stay. A store
     * that fails here fails the cycle: the package stays in flight and goes out again (a repeat for the receiver).
     */
    private void advance(SchoolScope scope, RecordRef ref, boolean acknowledged) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                StoredRecord r = records.find(scope, ref).orElse(null);
                if (r == null) return;
                if (r.state() == RecordState.ISSUED) {
                    r = records.transition(scope, ref, RecordState.SENT, r.revision(), ACTOR, "");
                }
                if (acknowledged && r.state() == RecordState.SENT) {
                    records.transition(scope, ref, RecordState.ACCEPTED, r.revision(), ACTOR, "");
                }
                return;
            } catch (ConflictException e) {
                // somebody else changed the version meanwhile: read it again
            } catch (IllegalTransitionException | NotFoundException e) {
                LOG.log(Level.WARNING, "export of " + ref + " delivered, state not advanced: " + e.getMessage());
                return;
            }
        }
    }

    private record Loaded(ExportState state, PackageWriter.Item item, String namespace) {
    }

    /** The stored version and its signed artefacts; a version without its XML cannot go out and is marked failed. */
    private Optional<Loaded> load(SchoolScope scope, ExportState s, String destination) {
        Optional<StoredRecord> stored = records.find(scope, s.ref());
        Optional<byte[]> xml = stored.isEmpty() ? Optional.empty() : records.artefact(scope, s.ref(), ArtefactKind.XML);
        if (xml.isEmpty()) {
            states.putExport(scope, new ExportState(s.ref(), destination, TaskStatus.FAILED, "", s.attempts(), "",
                    clock.instant(), "the version or its XML is missing / không có học bạ hoặc tệp XML"));
            return Optional.empty();
        }
        byte[] pdf = records.artefact(scope, s.ref(), ArtefactKind.PDF).orElse(null);
        return Optional.of(new Loaded(s, PackageWriter.Item.of(stored.get().record(), xml.get(), pdf),
                XmlNamespace.of(xml.get())));
    }

    private static final class Tally {
        private int packages;
        private int recordsDelivered;
        private int failed;
        private final List<String> messages = new ArrayList<>();

        void delivered(int n) {
            packages++;
            recordsDelivered += n;
        }

        void failed(String message) {
            failed++;
            messages.add(message);
        }

        DeliverySummary summary() {
            return new DeliverySummary(packages, recordsDelivered, failed, messages);
        }
    }
}
