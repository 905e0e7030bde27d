package vn.hocba.signing;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Verifies every signature of a học bạ PDF or XML against the configured trust anchors (admin-managed)
 * and says whether the record was superseded (through a {@link RecordStatusLookup}, when one is registered).
 */
@ProviderType
public interface SignatureVerifier {

    /** Verifies the document; the format is recognised from its first bytes. Never throws for a bad signature. */
    VerificationReport verify(byte[] document) throws SigningException;

    /** The report as JSON (UTF-8, stable field names, ISO-8601 times). */
    String toJson(VerificationReport report);
}
