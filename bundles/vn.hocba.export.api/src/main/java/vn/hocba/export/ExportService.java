package vn.hocba.export;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import vn.hocba.export.spi.Exporter;
import vn.hocba.model.SchoolYear;
import vn.hocba.store.ExportState;
import vn.hocba.store.RecordRef;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.TaskStatus;

/**
 * The persistent export outbox of each school. Each issued record version is queued once per destination and
 * delivered exactly once: at least once by the outbox (a package keeps its id across retries and restarts) plus the
 * package id as the idempotency key, which the receiver uses to drop repeats. The exporter (schema version) and the
 * transport of a school are configuration, switched at runtime.
 */
@ProviderType
public interface ExportService {

    /** The destination a school's versions are delivered to now: {@code <exporterId>@<transportId>}. */
    String destinationFor(String schoolCode);

    /**
     * The exporter configured for the school now: the workflow writes a record's XML with it before the signers sign
     * it (and attaches the same XML to the PDF).
     *
     * @throws ExportException if the configured exporter is not available
     */
    Exporter exporterFor(String schoolCode);

    /**
     * Queues an issued (ISSUED, SENT or ACCEPTED) version for the school's destination; queuing it again does nothing.
     *
     * @throws ExportException if the version does not exist or is not issued
     */
    ExportState enqueue(SchoolScope scope, RecordRef ref);

    /** Queues every issued version of the school year not yet queued for the destination; returns how many. */
    int enqueueIssued(SchoolScope scope, SchoolYear year);

    /**
     * Runs one delivery cycle for the school now: first the packages already started (same id, same records), then
     * new packages of queued versions. The background worker calls this periodically for every school.
     */
    DeliverySummary deliverPending(SchoolScope scope);

    /** Queues again the versions a receiver refused (FAILED), after a person fixed the cause; returns how many. */
    int requeueFailed(SchoolScope scope);

    /**
     * Queues again those of the given versions the receiver refused (FAILED for the school's current destination);
     * versions in any other state are left alone. Returns how many were queued again.
     */
    int requeue(SchoolScope scope, Collection<RecordRef> refs);

    /** The export states of one version, one per destination. */
    List<ExportState> status(SchoolScope scope, RecordRef ref);

    /** The export states of the school's current destination with that status, oldest change first. */
    List<ExportState> statusOfSchool(SchoolScope scope, TaskStatus status);

    /**
     * Builds a package of the given issued versions into {@code directory} without queuing or delivering it
     * (a manual export, or a transfer to another school).
     */
    ExportPackage buildPackage(SchoolScope scope, List<RecordRef> refs, Path directory);
}
