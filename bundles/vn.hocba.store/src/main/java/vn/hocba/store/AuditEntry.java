package vn.hocba.store;

import java.time.Instant;

/**
 * One appended entry of a school's audit trail. Entries of a school form one chain: {@code seq} counts from 1,
 * {@code prevHash} is the previous entry's {@code entryHash} (64 zeros for the first), and {@code entryHash} is the
 * SHA-256 of the previous hash and this entry's fields, so an edited or removed entry breaks the chain.
 */
public record AuditEntry(String schoolCode, long seq, Instant at, AuditEvent event, String prevHash,
        String entryHash) {
}
