package vn.hocba.signing.spi;

/** What a credential needs before it signs a batch. */
public enum AuthorisationMode {
    /** Nothing: the key is unlocked by configuration (a school's PKCS#12 file, a server HSM). */
    NONE,
    /** A PIN or password typed by the signer. */
    PIN,
    /** A one-time code the signer received (SMS, authenticator). */
    OTP,
    /** The signer confirms on another device; {@link SignatureProvider#sign} answers pending. */
    REMOTE_CONFIRMATION
}
