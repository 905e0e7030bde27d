package vn.hocba.export.moet.internal.pkg;

import java.util.List;

import vn.hocba.export.ExportException;
import vn.hocba.signing.spi.SignatureAlgorithm;

/**
 * The school seal's key as the package needs it: its chain and a way to sign one digest (through the signing
 * provider configured for the seal; the key never comes here).
 */
public interface SealKey {

    /** The seal certificate first, DER. */
    List<byte[]> certificateChain();

    SignatureAlgorithm algorithm();

    /**
     * Signs a digest made with {@code algorithm().digestAlgorithm()}: RSA raw PKCS#1 v1.5 value, ECDSA DER.
     *
     * @throws ExportException if the provider cannot sign now (the delivery is tried again later)
     */
    byte[] sign(byte[] digest);

    /** Finds the seal key of a school. */
    interface Source {
        /** @throws ExportException if the school has no usable seal credential */
        SealKey sealOf(String schoolCode);
    }
}
