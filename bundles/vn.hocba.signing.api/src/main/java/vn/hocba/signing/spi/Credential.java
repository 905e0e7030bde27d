package vn.hocba.signing.spi;

import java.util.List;
import java.util.Objects;

/**
 * A signing credential a provider holds for a signer: a private key (never exposed) and its certificate chain.
 *
 * @param id               the provider's id of the credential, unique within the provider (key alias, CKA_ID, CSC credentialID)
 * @param label            a human label, e.g. the subject's common name and the issuer
 * @param certificateChain DER-encoded X.509 certificates, the signer's certificate first, then its issuers
 *                         (the root may be left out); never empty
 * @param keyAlgorithm     the key's algorithm, to pick the {@link SignatureAlgorithm}
 * @param authorisation    what {@link SignRequest#authorisation()} must carry for this credential
 * @param maxBatchSize     the most digests one {@link SignRequest} may carry, {@code 0} for no limit
 */
public record Credential(String id, String label, List<byte[]> certificateChain, KeyAlgorithm keyAlgorithm,
        AuthorisationMode authorisation, int maxBatchSize) {

    public Credential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        Objects.requireNonNull(authorisation, "authorisation");
        certificateChain = List.copyOf(certificateChain);
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least the signer's certificate");
        }
        if (maxBatchSize < 0) {
            throw new IllegalArgumentException("maxBatchSize must be >= 0");
        }
    }

    /** The signer's own certificate, DER. */
    public byte[] signingCertificate() {
        return certificateChain.get(0);
    }
}
