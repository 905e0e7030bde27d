package vn.hocba.store;

import java.time.Instant;

import vn.hocba.model.Text;

/**
 * The delivery of one issued record version by one exporter (schema version + transport), kept so a record is
 * delivered exactly once across restarts and outages, with its receipt.
 *
 * @param exporterId the exporter's id
 * @param batchId    the batch the record went out in, may be empty
 * @param attempts   how many deliveries were tried
 * @param receipt    the receiver's receipt as received, may be empty
 * @param message    the last error or note, may be empty
 */
public record ExportState(RecordRef ref, String exporterId, TaskStatus status, String batchId, int attempts,
        String receipt, Instant updatedAt, String message) {
    public ExportState {
        exporterId = Text.required(exporterId, "export.exporterId");
        if (status == null) throw new IllegalArgumentException("export.status is required");
        batchId = Text.orEmpty(batchId);
        receipt = receipt == null ? "" : receipt;
        message = Text.orEmpty(message);
    }
}
