package vn.hocba.export;

import java.time.Instant;

/**
 * What a receiver answered for a delivered package; stored with each record version of the package.
 *
 * @param packageId    the package (idempotency key)
 * @param receiptId    the receiver's own id of the receipt, or the transport's (e.g. the file name) when the receiver
 *                     gives none
 * @param duplicate    the receiver had the package already (a retry after a lost answer)
 * @param acknowledged the receiver itself acknowledged the package (e.g. an HTTP 2xx): the records become ACCEPTED;
 *                     false when the transport only dropped it somewhere (a folder): they become SENT
 * @param receivedAt   when the transport got the answer
 * @param body         the receipt as received (e.g. the HTTP response body), may be empty
 */
public record DeliveryReceipt(String packageId, String receiptId, boolean duplicate, boolean acknowledged,
        Instant receivedAt, String body) {
    public DeliveryReceipt {
        body = body == null ? "" : body;
    }
}
