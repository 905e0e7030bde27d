package vn.hocba.signing;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * PAdES baseline signatures of a học bạ PDF, one incremental revision per signer, in the order
 * homeroom teacher → principal or deputy → school seal (the seal certifies the document).
 * Stateless and thread-safe: each step takes all it needs.
 */
@ProviderType
public interface PadesEngine {

    /**
     * Step 1: checks the signing order and the document, lays out the signature (field, appearance,
     * placeholder) and computes the digest to sign.
     *
     * @throws SignatureOrderException when this role may not sign now (out of order, twice, after the seal)
     */
    PreparedSignature prepare(byte[] pdf, SignatureParameters parameters) throws SigningException;

    /**
     * Step 3: embeds the provider's signature value; at {@link BaselineLevel#B_T} also fetches the
     * time-stamp over it from the configured TSA. Returns the signed PDF.
     */
    byte[] embed(PreparedSignature prepared, byte[] signatureValue) throws SigningException;

    /**
     * Raises every signature of the document to {@code level} ({@link BaselineLevel#B_LT}: a DSS
     * dictionary with the chains, CRLs and OCSP responses; {@link BaselineLevel#B_LTA}: plus a document
     * time-stamp), in a new incremental revision. Also used by the periodic archive time-stamp job.
     */
    byte[] extend(byte[] pdf, BaselineLevel level) throws SigningException;

    /** The roles that have signed this PDF, in signing order. */
    List<SignerRole> signedRoles(byte[] pdf) throws SigningException;
}
