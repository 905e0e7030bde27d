package vn.hocba.signing.spi;

/** The algorithm of a credential's key pair. */
public enum KeyAlgorithm {
    RSA,
    EC
}
