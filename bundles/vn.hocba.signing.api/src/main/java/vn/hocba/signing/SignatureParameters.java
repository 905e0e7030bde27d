package vn.hocba.signing;

import java.util.List;
import java.util.Objects;

import vn.hocba.signing.spi.SignatureAlgorithm;

/**
 * What the engine needs to prepare one signature.
 *
 * @param signer             who signs, in which role
 * @param box                where the visible signature goes; {@code null} for an invisible one
 * @param certificateChain   the credential's chain, DER, the signer's certificate first (from
 *                           {@link vn.hocba.signing.spi.Credential#certificateChain()})
 * @param signatureAlgorithm the algorithm the provider will sign with
 * @param level              {@link BaselineLevel#B_B} or {@link BaselineLevel#B_T} at signing time; higher levels
 *                           are reached by {@link PadesEngine#extend}
 */
public record SignatureParameters(SignerInfo signer, SignatureBox box, List<byte[]> certificateChain,
        SignatureAlgorithm signatureAlgorithm, BaselineLevel level) {

    public SignatureParameters {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(level, "level");
        certificateChain = List.copyOf(certificateChain);
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("the signer's certificate is needed to prepare a signature");
        }
        if (level.compareTo(BaselineLevel.B_T) > 0) {
            throw new IllegalArgumentException("sign at B-B or B-T, then extend to " + level);
        }
    }
}
