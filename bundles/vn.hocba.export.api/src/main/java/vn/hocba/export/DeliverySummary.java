package vn.hocba.export;

import java.util.List;

/**
 * What one delivery cycle of a school did.
 *
 * @param packagesDelivered packages the receiver acknowledged
 * @param recordsDelivered  record versions in them
 * @param packagesFailed    packages that stay queued for a later cycle
 * @param messages          what went wrong, English (the outbox keeps the Vietnamese one per record)
 */
public record DeliverySummary(int packagesDelivered, int recordsDelivered, int packagesFailed,
        List<String> messages) {
    public DeliverySummary {
        messages = List.copyOf(messages);
    }
}
