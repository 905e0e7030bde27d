package vn.hocba.workflow.internal.jobs;

import java.util.List;

/** Items of one job that one host now owns until their lease runs out. */
public record Claim(JobRow job, List<ItemRow> items) {
    public Claim {
        items = List.copyOf(items);
    }
}
