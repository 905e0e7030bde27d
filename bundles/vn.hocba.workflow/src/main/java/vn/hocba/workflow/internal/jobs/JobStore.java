package vn.hocba.workflow.internal.jobs;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import vn.hocba.workflow.ItemStatus;

/**
 * Jobs and their items, shared by every host of an installation (in the database on a real host). Each item is
 * worked on by one host at a time: {@link #claim} gives a host the items nobody holds, or whose holder's lease ran
 * out (the host crashed or stalled); every later write names the owner and is refused when another host has taken
 * the item over meanwhile. Writes into the records themselves are guarded by the store's revisions, so even a host
 * that lost its lease cannot apply a step twice.
 */
public interface JobStore {

    /** Stores a new job with its items in one transaction. */
    void create(JobRow job, List<ItemRow> items);

    Optional<JobRow> job(String jobId);

    /** Newest first; {@code schoolCode} null for every school. */
    List<JobRow> jobs(String schoolCode, int limit);

    /** The items of a job, by item number. */
    List<ItemRow> items(String jobId);

    JobCounts counts(String jobId);

    /**
     * Claims up to {@code max(job)} items (a signing batch, or a few records for steps done one by one, so that
     * several workers share them) of the oldest open job that has claimable ones: PENDING items, and CLAIMED,
     * STAGED or AWAITING items whose lease ended before {@code now}. A PENDING item becomes CLAIMED; the others keep
     * their status (so the new owner knows what is left to do). Jobs that need an authorisation are claimed only
     * from {@code authorisedJobs}. Cancelled jobs are never claimed.
     */
    Optional<Claim> claim(String owner, ToIntFunction<JobRow> max, long now, long leaseUntil,
            Set<String> authorisedJobs);

    /** Extends the owner's lease on its items. */
    void renew(String jobId, List<Integer> itemNos, String owner, long leaseUntil);

    /** Keeps the new artefacts (or prepared signatures) with the item and sets its status; false if not the owner. */
    boolean stage(String jobId, int itemNo, String owner, ItemStatus status, Staged staged, long leaseUntil);

    Optional<Staged> staged(String jobId, int itemNo);

    /** Finishes the item (DONE, SKIPPED, FAILED) and drops its staged bytes; false if not the owner. */
    boolean finish(String jobId, int itemNo, String owner, ItemStatus status, String messageVi, String messageEn);

    /** Gives the item back as PENDING (to retry later, e.g. the provider is unavailable); false if not the owner. */
    boolean release(String jobId, int itemNo, String owner, long notBefore, String messageVi, String messageEn);

    /** Marks the job cancelled: its open items are not claimed any more. */
    void cancel(String jobId);
}
