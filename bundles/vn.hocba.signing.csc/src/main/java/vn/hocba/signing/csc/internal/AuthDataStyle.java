package vn.hocba.signing.csc.internal;

/** How {@code credentials/authorize} carries the signer's PIN or OTP. */
public enum AuthDataStyle {
    /** CSC v2.0.0.2: {@code "authData": [{"id": "PIN", "value": …}]}. */
    AUTH_DATA,
    /** CSC v1 and v2.0.0.0: {@code "PIN": …} and {@code "OTP": …} parameters. */
    PIN_OTP_FIELDS
}
