package vn.hocba.workflow.internal.jobs;

import java.time.Instant;

import vn.hocba.workflow.ItemStatus;

/**
 * One record of a job as stored (without its staged bytes, see {@link JobStore#staged}).
 *
 * @param owner      the host working on it, empty if none
 * @param leaseUntil until when (epoch millis) the owner's claim holds; for AWAITING: when to poll next
 * @param attempts   how many times a host started on it
 */
public record ItemRow(String jobId, int itemNo, String recordId, int version, ItemStatus status, String owner,
        long leaseUntil, int attempts, String messageVi, String messageEn, Instant updatedAt) {

    public ItemRow {
        owner = owner == null ? "" : owner;
        messageVi = messageVi == null ? "" : messageVi;
        messageEn = messageEn == null ? "" : messageEn;
    }

    /** A new item of a job, not started. */
    public static ItemRow pending(String jobId, int itemNo, String recordId, int version) {
        return new ItemRow(jobId, itemNo, recordId, version, ItemStatus.PENDING, "", 0, 0, "", "", null);
    }

    /** A new item finished at once (e.g. skipped because the record cannot take the step). */
    public static ItemRow finished(String jobId, int itemNo, String recordId, int version, ItemStatus status,
            String messageVi, String messageEn) {
        return new ItemRow(jobId, itemNo, recordId, version, status, "", 0, 0, messageVi, messageEn, null);
    }
}
