package vn.hocba.signing.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The answer to a {@link SignRequest}: the signature values now, or a handle to poll. */
public sealed interface SignResult {

    /**
     * Signed: one value per digest of the request, in the same order.
     *
     * @param signatureValues RSA: the raw PKCS#1 v1.5 value; ECDSA: DER {@code SEQUENCE { r, s }}
     */
    record Signed(List<byte[]> signatureValues) implements SignResult {
        public Signed {
            signatureValues = List.copyOf(signatureValues);
        }
    }

    /**
     * Waiting for the signer (e.g. to confirm on a phone). Poll {@link SignatureProvider#poll} with the handle,
     * not before {@code pollAfterMillis}, until {@code expiresAt}.
     *
     * @param handle          what the provider needs to find the batch again; opaque to the engine
     * @param messageVi       what to tell the user, Vietnamese (NFC), e.g. "Xác nhận trên điện thoại"
     * @param messageEn       the same in English
     * @param expiresAt       when the provider gives up the batch, or {@code null} if unknown
     * @param pollAfterMillis how long to wait before polling again
     */
    record Pending(PendingHandle handle, String messageVi, String messageEn, Instant expiresAt, long pollAfterMillis)
            implements SignResult {
        public Pending {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(messageVi, "messageVi");
            Objects.requireNonNull(messageEn, "messageEn");
        }
    }

    /**
     * Finds a pending batch again; only its provider interprets {@code token}.
     *
     * @param providerId   the {@link SignatureProvider#id()} that issued it
     * @param token        the provider's reference of the batch (a transaction id), opaque and serialisable
     * @param credentialId the credential the batch signs with
     * @param size         the number of digests in the batch
     */
    record PendingHandle(String providerId, String token, String credentialId, int size) {
        public PendingHandle {
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(credentialId, "credentialId");
        }
    }
}
