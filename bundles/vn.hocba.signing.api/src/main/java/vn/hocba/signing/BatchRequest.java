package vn.hocba.signing;

import java.util.List;
import java.util.Objects;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.SignerRef;

/**
 * One signer signs N documents with one authorisation.
 *
 * @param signer        who signs (school code + staff id); selects the provider by configuration
 * @param signerInfo    the printed name, role and position
 * @param credentialId  the credential to use, or {@code null} for the signer's first one
 * @param documents     the documents, all of {@code format}
 * @param format        PDF (PAdES) or XML (XAdES)
 * @param level         {@link BaselineLevel#B_B} or {@link BaselineLevel#B_T}
 * @param authorisation PIN/OTP/none
 * @param description   shown to the signer, NFC, e.g. "Lớp 3A — 35 học bạ"
 */
public record BatchRequest(SignerRef signer, SignerInfo signerInfo, String credentialId,
        List<DocumentToSign> documents, DocumentFormat format, BaselineLevel level,
        Authorisation authorisation, String description) {

    public BatchRequest {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signerInfo, "signerInfo");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(description, "description");
        authorisation = authorisation == null ? Authorisation.none() : authorisation;
        documents = List.copyOf(documents);
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one document");
        }
    }

    /**
     * One document of a batch.
     *
     * @param documentId the caller's id (e.g. the year record's id), returned with the signed document
     * @param content    the PDF or XML bytes
     * @param box        the signature box for this signer (PDF only), or {@code null} for an invisible signature
     */
    public record DocumentToSign(String documentId, byte[] content, SignatureBox box) {
        public DocumentToSign {
            Objects.requireNonNull(documentId, "documentId");
            Objects.requireNonNull(content, "content");
        }
    }
}
