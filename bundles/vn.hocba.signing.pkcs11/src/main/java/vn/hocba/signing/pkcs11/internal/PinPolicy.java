package vn.hocba.signing.pkcs11.internal;

/** Who knows the token's user PIN. */
public enum PinPolicy {
    /**
     * The signer types it for every batch ({@code AuthorisationMode.PIN}): one login per batch, logout after it,
     * batches on the token run one at a time. The credential list comes from the configured certificate files,
     * because SunPKCS11 cannot read even a token's public certificates without logging in.
     */
    PER_BATCH,
    /**
     * The configuration holds it ({@code AuthorisationMode.NONE}): a server HSM or the school seal's token.
     * Logged in once and kept logged in; batches run in parallel.
     */
    CONFIGURED
}
