package vn.hocba.workflow.internal.jobs;

import java.time.Instant;

import vn.hocba.workflow.JobKind;

/**
 * A job as stored.
 *
 * @param signerId           for SIGN/SEAL: the signer id at the provider (user id, or the seal's id)
 * @param signerName         the name printed with the signature
 * @param signerRole         a {@code vn.hocba.signing.SignerRole} name, or empty
 * @param needsAuthorisation the credential needs a PIN or code that only the submitting host holds (in memory)
 */
public record JobRow(String id, JobKind kind, String schoolCode, int year, String className, String requestedBy,
        String signerId, String signerName, String signerRole, String credentialId, boolean needsAuthorisation,
        boolean cancelled, Instant createdAt) {

    public JobRow {
        className = nz(className);
        signerId = nz(signerId);
        signerName = nz(signerName);
        signerRole = nz(signerRole);
        credentialId = nz(credentialId);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
