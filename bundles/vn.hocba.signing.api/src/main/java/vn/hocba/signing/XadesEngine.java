package vn.hocba.signing;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * XAdES enveloped signatures of a học bạ's XML data file by the same signers in the same order as the PDF.
 * The {@link SignatureParameters#box()} is ignored.
 */
@ProviderType
public interface XadesEngine {

    /** Step 1: checks the order and computes the digest of the {@code SignedInfo} to sign. */
    PreparedSignature prepare(byte[] xml, SignatureParameters parameters) throws SigningException;

    /** Step 3: inserts the signature value (and the B-T time-stamp if asked) and returns the signed XML. */
    byte[] embed(PreparedSignature prepared, byte[] signatureValue) throws SigningException;

    /** The roles that have signed this XML, in signing order. */
    List<SignerRole> signedRoles(byte[] xml) throws SigningException;
}
