package vn.hocba.store;

import java.time.Instant;

import vn.hocba.model.Text;

/**
 * Where the signature of one signer role on one record version is, so an asynchronous (remote) signature survives
 * restarts.
 *
 * @param role        e.g. {@code HOMEROOM_TEACHER}, {@code PRINCIPAL}, {@code SEAL}
 * @param signerId    the user or seal credential that signs
 * @param providerId  the signature provider used
 * @param providerRef the provider's transaction or batch id to poll, may be empty
 * @param message     the last error or note, may be empty
 */
public record SigningState(RecordRef ref, String role, String signerId, String providerId, String providerRef,
        TaskStatus status, Instant updatedAt, String message) {
    public SigningState {
        role = Text.required(role, "signing.role");
        signerId = Text.orEmpty(signerId);
        providerId = Text.orEmpty(providerId);
        providerRef = Text.orEmpty(providerRef);
        if (status == null) throw new IllegalArgumentException("signing.status is required");
        message = Text.orEmpty(message);
    }
}
