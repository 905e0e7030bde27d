package vn.hocba.signing.csc.internal;

/** How this client authenticates to the CSC service (the service authorisation, not the signer's). */
public enum AuthType {
    /** {@code auth/login} with HTTP Basic (username and password), answering an access token. */
    BASIC,
    /** OAuth 2.0 client credentials at the token endpoint ({@code oauth2/token}), scope {@code service}. */
    OAUTH2_CLIENT,
    /** A bearer token given in the configuration (issued by other means). */
    BEARER
}
