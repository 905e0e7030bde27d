package vn.hocba.signing.spi;

import java.util.List;
import java.util.Objects;

/**
 * One batch to sign with one authorisation: N digests computed by the engine.
 *
 * @param signer             who signs
 * @param credentialId       the {@link Credential#id()} to sign with
 * @param signatureAlgorithm how to sign; its {@link SignatureAlgorithm#digestAlgorithm()} is the digests' algorithm
 * @param digests            the N digests of the data to sign (for CAdES: of the DER signed attributes), in order
 * @param authorisation      what unlocks the credential for this batch
 * @param description        a human text shown to the signer where the provider can (phone app, token PIN dialog),
 *                           e.g. {@code "Lớp 3A — 35 học bạ"}; NFC
 */
public record SignRequest(SignerRef signer, String credentialId, SignatureAlgorithm signatureAlgorithm,
        List<byte[]> digests, Authorisation authorisation, String description) {

    public SignRequest {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(authorisation, "authorisation");
        Objects.requireNonNull(description, "description");
        digests = List.copyOf(digests);
        if (digests.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one digest");
        }
        int length = signatureAlgorithm.digestAlgorithm().length();
        for (byte[] d : digests) {
            if (d.length != length) {
                throw new IllegalArgumentException("digest of " + d.length + " bytes for "
                        + signatureAlgorithm.digestAlgorithm() + " (" + length + " expected)");
            }
        }
    }

    /** The digest algorithm of every digest. */
    public DigestAlgorithm digestAlgorithm() {
        return signatureAlgorithm.digestAlgorithm();
    }

    public int size() {
        return digests.size();
    }
}
