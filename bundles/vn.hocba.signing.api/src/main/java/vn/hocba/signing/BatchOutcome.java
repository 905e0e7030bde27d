package vn.hocba.signing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What became of a batch. */
public sealed interface BatchOutcome {

    String batchId();

    /** Every document signed, in the request's order. */
    record Completed(String batchId, List<SignedDocument> documents) implements BatchOutcome {
        public Completed {
            Objects.requireNonNull(batchId, "batchId");
            documents = List.copyOf(documents);
        }
    }

    /** The signer must confirm elsewhere; {@link SigningService#resume} after {@code pollAfterMillis}. */
    record Pending(String batchId, String messageVi, String messageEn, Instant expiresAt, long pollAfterMillis)
            implements BatchOutcome {
        public Pending {
            Objects.requireNonNull(batchId, "batchId");
        }
    }

    /** One signed document: the caller's id and the new bytes. */
    record SignedDocument(String documentId, byte[] content) {
        public SignedDocument {
            Objects.requireNonNull(documentId, "documentId");
            Objects.requireNonNull(content, "content");
        }
    }
}
