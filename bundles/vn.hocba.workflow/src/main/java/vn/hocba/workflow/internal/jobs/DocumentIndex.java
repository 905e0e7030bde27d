package vn.hocba.workflow.internal.jobs;

import java.util.List;
import java.util.Optional;

/**
 * What the workflow remembers about record versions beside the store: where the form printed each signature box,
 * which issued document (by SHA-256) belongs to which version, and the reasons of revocations.
 */
public interface DocumentIndex {

    /** A signature box as the renderer measured it; {@code role} is a {@code SignatureRole} name. */
    record Box(String role, int page, float x, float y, float width, float height) {
    }

    /** An issued document. */
    record IssuedDocument(String sha256, String schoolCode, String recordId, int version, String kind) {
    }

    /** Replaces the boxes of a version. */
    void putBoxes(String schoolCode, String recordId, int version, List<Box> boxes);

    List<Box> boxes(String schoolCode, String recordId, int version);

    /** Remembers an issued document; doing it twice is harmless. */
    void putIssued(IssuedDocument document);

    Optional<IssuedDocument> issuedBySha256(String sha256);

    /** Keeps a note of a version (kind e.g. {@code REVOKED}: the reason); a later note of the same kind replaces it. */
    void putNote(String schoolCode, String recordId, int version, String kind, String note, String actor);

    Optional<String> note(String schoolCode, String recordId, int version, String kind);
}
