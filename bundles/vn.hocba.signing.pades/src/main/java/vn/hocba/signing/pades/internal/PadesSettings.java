package vn.hocba.signing.pades.internal;

/**
 * The engine's settings (from the Metatype configuration {@code vn.hocba.signing.pades}).
 *
 * @param tsaUrl            RFC 3161 time-stamping URL for B-T and B-LTA
 * @param timeoutMillis     connect/read timeout for TSA, CRL and OCSP requests
 * @param docMdpPermission  the seal's DocMDP P value (1: no change at all; 2: form fill-in and signing)
 */
public record PadesSettings(String tsaUrl, int timeoutMillis, int docMdpPermission) {

    public PadesSettings {
        if (docMdpPermission < 1 || docMdpPermission > 3) {
            throw new IllegalArgumentException("DocMDP permission must be 1, 2 or 3");
        }
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
