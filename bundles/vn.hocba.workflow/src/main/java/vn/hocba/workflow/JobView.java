package vn.hocba.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A job and its progress.
 *
 * @param signerRole for SIGN and SEAL jobs the role that signs ({@code HOMEROOM_TEACHER}, …), else empty
 * @param total      number of records in the job
 * @param done       records done (including those found already done)
 * @param skipped    records that could not take the step (see their reasons)
 * @param failed     records that failed
 * @param items      each record's state, in the order of the job
 */
public record JobView(String id, JobKind kind, String schoolCode, String year, String className,
        String requestedBy, String signerRole, JobStatus status, int total, int done, int skipped, int failed,
        Instant createdAt, Instant updatedAt, List<Item> items) {

    public JobView {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Finished items out of all, 0 to 1. */
    public double progress() {
        return total == 0 ? 1.0 : (done + skipped + failed) / (double) total;
    }

    /**
     * One record of the job.
     *
     * @param host the host that holds the item, or that finished it (the workflow's {@code hostId}); empty while
     *             no host has it: where several hosts share a job, it tells which one did each record
     */
    public record Item(String recordId, int version, ItemStatus status, String messageVi, String messageEn,
            String host) {

        public Item {
            host = host == null ? "" : host;
        }

        /** An item no host has taken (yet). */
        public Item(String recordId, int version, ItemStatus status, String messageVi, String messageEn) {
            this(recordId, version, status, messageVi, messageEn, "");
        }
    }
}
