package vn.hocba.signing;

import java.util.List;
import java.util.Objects;

/**
 * The verification of one document: one entry per signature (document time-stamps included), in the order
 * they were made. Only strings, numbers, booleans, enums and lists, so it serialises to JSON as is.
 *
 * @param format           PDF or XML
 * @param documentSha256   hex SHA-256 of the verified bytes
 * @param validationTime   when it was verified, ISO-8601 UTC
 * @param indication       the overall result: passed only if every signature passed
 * @param signatures       the signatures
 * @param record           the record's status from the store (superseded, revoked), or {@code null} if unknown
 * @param messages         document-level findings (e.g. "signature order broken"), English
 */
public record VerificationReport(DocumentFormat format, String documentSha256, String validationTime,
        Indication indication, List<SignatureReport> signatures, RecordStatus record, List<String> messages) {

    public VerificationReport {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(indication, "indication");
        signatures = List.copyOf(signatures);
        messages = List.copyOf(messages);
    }

    /** The overall result, named like EU DSS's indications. */
    public enum Indication {
        TOTAL_PASSED,
        INDETERMINATE,
        TOTAL_FAILED
    }

    /** The chain of the signer's certificate against the trust anchors. */
    public enum ChainStatus {
        TRUSTED,
        UNTRUSTED,
        EXPIRED,
        INCOMPLETE
    }

    /** The signer certificate's revocation status, from embedded or fetched CRL/OCSP data. */
    public enum RevocationStatus {
        GOOD,
        REVOKED,
        UNKNOWN,
        NOT_CHECKED
    }

    /**
     * One signature or document time-stamp.
     *
     * @param index                 0-based, in signing order
     * @param fieldName             the PDF signature field name, or the XML signature's Id
     * @param timestampOnly         {@code true} for a document (archive) time-stamp
     * @param cryptographicallyValid the signature value and the signed digest match the signed bytes
     * @param signerName            the signer certificate's common name (NFC)
     * @param signerSubject         the certificate's subject DN
     * @param signerCertificateSha256 hex SHA-256 of the signer certificate
     * @param role                  the role it was made in (from our field names/reason), or {@code null}
     * @param position              the recorded position, or {@code null}
     * @param claimedTime           the time claimed in the signature dictionary (not trusted), ISO-8601 UTC
     * @param timestampTime         the time from the signature time-stamp, ISO-8601 UTC, or {@code null}
     * @param level                 the baseline level reached
     * @param chainStatus           the chain against the trust anchors
     * @param chain                 the chain's subject DNs, signer first
     * @param revocation            the signer certificate's revocation status
     * @param coversWholeDocument   the signed byte range covers the whole file
     * @param modifiedAfter         the document was modified after this signature: the signed bytes no longer match
     *                              its digest, or later revisions change what it covered in a way not allowed
     *                              (anything but later signatures before the seal, DSS and document time-stamps)
     * @param indication            this signature's result
     * @param messages              findings, English
     */
    public record SignatureReport(int index, String fieldName, boolean timestampOnly, boolean cryptographicallyValid,
            String signerName, String signerSubject, String signerCertificateSha256, SignerRole role, String position,
            String claimedTime, String timestampTime, BaselineLevel level, ChainStatus chainStatus,
            List<String> chain, RevocationStatus revocation, boolean coversWholeDocument, boolean modifiedAfter,
            Indication indication, List<String> messages) {

        public SignatureReport {
            chain = List.copyOf(chain);
            messages = List.copyOf(messages);
        }
    }
}
