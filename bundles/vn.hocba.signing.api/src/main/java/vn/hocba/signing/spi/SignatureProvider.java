package vn.hocba.signing.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A key holder that signs digests in batches, possibly asynchronously (the middle step of
 * "data to sign → signature value → embed"). Implementations are thread-safe; a batch is the unit of
 * failure: when the provider goes away mid-batch, the whole batch fails with
 * {@link ProviderUnavailableException} and nothing of it is embedded.
 */
@ConsumerType
public interface SignatureProvider {

    /** A stable id used in configuration, e.g. {@code pkcs12}, {@code pkcs11-softhsm}, {@code csc-vnpt}. */
    String id();

    /** The credentials (certificate + private key references) this signer may use here; may be empty. */
    List<Credential> credentials(SignerRef signer) throws SignatureProviderException;

    /**
     * Signs every digest of the request with one authorisation. Returns {@link SignResult.Signed} with one
     * value per digest, in order, or {@link SignResult.Pending} when a user must confirm elsewhere first.
     */
    SignResult sign(SignRequest request) throws SignatureProviderException;

    /**
     * Asks again about a pending batch: {@link SignResult.Signed} once confirmed, {@link SignResult.Pending}
     * (possibly with a new handle) while waiting. Providers that never answer pending may throw
     * {@link UnknownCredentialException} or return the stored result.
     */
    SignResult poll(SignResult.PendingHandle handle) throws SignatureProviderException;

    /** Gives up a pending batch (the user cancelled on our side); unknown handles are ignored. */
    default void cancel(SignResult.PendingHandle handle) {
        // nothing to release by default
    }
}
