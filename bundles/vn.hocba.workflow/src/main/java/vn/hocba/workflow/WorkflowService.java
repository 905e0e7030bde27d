package vn.hocba.workflow;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import vn.hocba.model.RecordState;
import vn.hocba.security.Caller;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.StoredRecord;

/**
 * Everything a user does with records, on behalf of a {@link Caller}: each call checks the caller's grants (a
 * homeroom teacher their own class, the principal or a deputy their school, a district viewer the progress of their
 * district) and the record's state, and throws a {@link WorkflowException} saying why when refused. Refusals are
 * written to the school's audit trail.
 */
@ProviderType
public interface WorkflowService {

    /** The classes of a school year with counts of records by state (a teacher sees their own classes). */
    List<ClassSummary> classes(Caller caller, String schoolCode, String year);

    /** The records (latest versions) of a class, optionally only those in one state. */
    List<RecordSummary> records(Caller caller, String schoolCode, String year, String className, RecordState state);

    /** The latest version of a record of one of the caller's schools. */
    StoredRecord record(Caller caller, String recordId);

    /** Every version of the record, oldest first (a correction names the version it replaces). */
    List<StoredRecord> versions(Caller caller, String recordId);

    /**
     * The PDF or XML of the record's current version: the latest version that has it, else the latest issued one.
     */
    Optional<byte[]> artefact(Caller caller, String recordId, ArtefactKind kind);

    /** Starts a job; records that cannot take the step now are listed in the job as skipped, with the reason. */
    JobView submit(Caller caller, JobRequest request);

    /** A job with its items. */
    JobView job(Caller caller, String jobId);

    /** The newest jobs of a school. */
    List<JobView> jobs(Caller caller, String schoolCode, int limit);

    /** Stops a job: items not yet started stay as they are. */
    JobView cancel(Caller caller, String jobId);

    /**
     * Starts the correction of an issued record: a new DRAFT version with the reason, approved by the caller (the
     * principal or a deputy). It goes through every step and signature again; the version it replaces stays the
     * official one until the correction is issued, and then becomes SUPERSEDED.
     */
    StoredRecord correct(Caller caller, String recordId, String reason);

    /** Revokes the record's issued version, with a reason (the principal or a deputy). */
    StoredRecord revoke(Caller caller, String recordId, String reason);

    /** Takes a locked or partly signed version back to DRAFT, with a reason; its artefacts and signatures go. */
    StoredRecord reopen(Caller caller, String recordId, String reason);

    /** Whether the caller could take a step on the record's latest version now, and why not. */
    Decision check(Caller caller, String recordId, Step step);

    /** The progress of every school of a district in a year. */
    List<SchoolProgress> progress(Caller caller, String district, String year);
}
