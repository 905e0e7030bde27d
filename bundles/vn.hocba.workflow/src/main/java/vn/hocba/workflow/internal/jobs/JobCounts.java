package vn.hocba.workflow.internal.jobs;

import java.util.EnumMap;
import java.util.Map;

import vn.hocba.workflow.ItemStatus;
import vn.hocba.workflow.JobStatus;

/** How many items of a job are in each status. */
public record JobCounts(Map<ItemStatus, Integer> byStatus) {

    public JobCounts {
        EnumMap<ItemStatus, Integer> m = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) m.put(s, byStatus.getOrDefault(s, 0));
        byStatus = Map.copyOf(m);
    }

    public static JobCounts of(java.util.Collection<ItemRow> items) {
        Map<ItemStatus, Integer> m = new EnumMap<>(ItemStatus.class);
        items.forEach(i -> m.merge(i.status(), 1, Integer::sum));
        return new JobCounts(m);
    }

    public int get(ItemStatus s) {
        return byStatus.get(s);
    }

    public int total() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int open() {
        return get(ItemStatus.PENDING) + get(ItemStatus.CLAIMED) + get(ItemStatus.STAGED) + get(ItemStatus.AWAITING);
    }

    /** The job's status follows from its items. */
    public JobStatus status(boolean cancelled) {
        if (cancelled && open() > 0) return JobStatus.CANCELLED;
        if (open() == 0) return get(ItemStatus.FAILED) > 0 ? JobStatus.COMPLETED_WITH_ERRORS : JobStatus.COMPLETED;
        if (get(ItemStatus.AWAITING) > 0) return JobStatus.AWAITING_CONFIRMATION;
        if (open() < total() || get(ItemStatus.CLAIMED) + get(ItemStatus.STAGED) > 0) return JobStatus.RUNNING;
        return JobStatus.QUEUED;
    }
}
