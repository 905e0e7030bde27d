package vn.hocba.signing;

import java.util.Objects;

import vn.hocba.signing.spi.SignatureAlgorithm;

/**
 * The first step's output: the digest a provider signs and the engine's state to embed its value later.
 * Immutable and self-contained (no reference to engine memory), so it can be kept while a remote signer
 * confirms on a phone.
 *
 * @param format             PDF or XML
 * @param role               the role that signs
 * @param digest             the digest to sign (for CAdES: of the DER signed attributes), with
 *                           {@code signatureAlgorithm.digestAlgorithm()}
 * @param signatureAlgorithm the algorithm the value must be made with
 * @param state              the engine's opaque state (e.g. the prepared revision and signed attributes)
 */
public record PreparedSignature(DocumentFormat format, SignerRole role, byte[] digest,
        SignatureAlgorithm signatureAlgorithm, byte[] state) {

    public PreparedSignature {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(state, "state");
    }
}
