package vn.hocba.signing;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.SignerRef;

/**
 * Signs a batch of documents by one signer through the provider configured for the signer's school
 * (or for the signer): prepare every document, one provider call for the batch, embed every value.
 * A batch succeeds or fails as a whole.
 */
@ProviderType
public interface SigningService {

    /** The credentials the signer may use through their configured provider. */
    List<Credential> credentials(SignerRef signer) throws SigningException;

    /** The id of the provider configured for this signer (signer, else school, else default). */
    String providerFor(SignerRef signer) throws SigningException;

    /**
     * Signs the batch. Returns {@link BatchOutcome.Completed} with every signed document, or
     * {@link BatchOutcome.Pending} when the signer must confirm elsewhere: then call {@link #resume}.
     */
    BatchOutcome sign(BatchRequest request) throws SigningException;

    /** Polls a pending batch; completes it when the provider has the values. */
    BatchOutcome resume(String batchId) throws SigningException;

    /** Forgets a pending batch and tells its provider. */
    void cancel(String batchId);
}
