package vn.hocba.signing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by the record store for the archive time-stamp job (B-LTA): hands out issued PDFs whose newest
 * archive time-stamp is older than a limit, and keeps the extended bytes. Extension only appends an incremental
 * revision (DSS + document time-stamp); the record's content and signatures are unchanged.
 */
@ConsumerType
public interface ArchiveStore {

    /** Up to {@code limit} issued PDFs with no archive time-stamp made after {@code stampedBefore}. */
    List<ArchivedDocument> dueForArchiveTimestamp(Instant stampedBefore, int limit);

    /**
     * Stores the extended PDF of a document; {@code previousSha256} (hex) is the hash of the bytes that were
     * extended, so a store can refuse a concurrent change.
     */
    void replaceContent(String documentId, String previousSha256, byte[] extended);

    /** One issued PDF to time-stamp. */
    record ArchivedDocument(String documentId, byte[] content) {
        public ArchivedDocument {
            Objects.requireNonNull(documentId, "documentId");
            Objects.requireNonNull(content, "content");
        }
    }
}
