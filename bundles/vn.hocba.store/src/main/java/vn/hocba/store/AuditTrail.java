package vn.hocba.store;

import java.util.List;

/**
 * The append-only, hash-chained audit trail of each school. Entries can be appended and read, never changed; the
 * database refuses updates and deletes, and {@link #verify} finds the first broken link if somebody with database
 * rights edits or removes an entry anyway.
 */
public interface AuditTrail {

    AuditEntry append(SchoolScope scope, AuditEvent event);

    /** Entries with {@code seq >= fromSeq}, in order, at most {@code limit}. */
    List<AuditEntry> entries(SchoolScope scope, long fromSeq, int limit);

    /** Walks the whole chain of the school and the stored chain head. */
    AuditVerification verify(SchoolScope scope);
}
