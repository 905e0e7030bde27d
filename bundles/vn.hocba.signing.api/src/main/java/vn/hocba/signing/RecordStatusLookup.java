package vn.hocba.signing;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by the record store: finds an issued document's record and its status by the document's hash,
 * so that verification can say "superseded by version N". Optional: without it, reports carry no record status.
 */
@ConsumerType
public interface RecordStatusLookup {

    /** The status of the record whose issued document has this SHA-256 (hex, lower case). */
    Optional<RecordStatus> byDocumentSha256(String sha256Hex);
}
