package vn.hocba.signing.csc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One remote signing service (Cloud Signature Consortium API v2) account; a factory configuration per account.
 * Secrets are private properties ({@code .password}, {@code .clientSecret}, {@code .bearerToken}): DS never copies
 * a property whose name starts with a dot onto the service registration.
 */
@ObjectClassDefinition(name = "hocba CSC remote signing service",
        description = "Dịch vụ ký số từ xa theo chuẩn CSC API v2 — a Cloud Signature Consortium API v2 remote signing service")
public @interface CscProviderConfig {

    /** The factory PID. */
    String PID = "vn.hocba.signing.csc";

    @AttributeDefinition(name = "Provider id",
            description = "Id used to select this service in vn.hocba.signing.providers, e.g. csc-vnpt; unique")
    String provider_id() default "csc";

    @AttributeDefinition(name = "Base URL", description = "The service's CSC base URL, ending in /csc/v2")
    String baseUrl();

    @AttributeDefinition(name = "Client authentication",
            description = "BASIC: auth/login with username/password; OAUTH2_CLIENT: client credentials; BEARER: a fixed token")
    AuthType authType() default AuthType.OAUTH2_CLIENT;

    @AttributeDefinition(name = "Username (BASIC)", required = false)
    String username() default "";

    @AttributeDefinition(name = "Password (BASIC)", type = AttributeType.PASSWORD, required = false)
    String _password() default "";

    @AttributeDefinition(name = "Client id (OAUTH2_CLIENT)", required = false)
    String clientId() default "";

    @AttributeDefinition(name = "Client secret (OAUTH2_CLIENT)", type = AttributeType.PASSWORD, required = false)
    String _clientSecret() default "";

    @AttributeDefinition(name = "Token URL (OAUTH2_CLIENT)", required = false,
            description = "Empty for <base URL>/oauth2/token")
    String tokenUrl() default "";

    @AttributeDefinition(name = "Bearer token (BEARER)", type = AttributeType.PASSWORD, required = false)
    String _bearerToken() default "";

    @AttributeDefinition(name = "School code", description = "The school this account serves; * for every school")
    String schoolCode();

    @AttributeDefinition(name = "Signers",
            description = "Which signers this account serves: 'staffId=cscUserID' (sends userID), 'staffId' (the"
                    + " account's own credentials), or '*' for every signer of the school")
    String[] signers() default {"*"};

    @AttributeDefinition(name = "PIN/OTP parameter style", description = "AUTH_DATA (v2.0.0.2) or PIN_OTP_FIELDS (v2.0.0.0)")
    AuthDataStyle authDataStyle() default AuthDataStyle.AUTH_DATA;

    @AttributeDefinition(name = "Max batch size",
            description = "The most digests per batch; 0 to follow each credential's multisign")
    int maxBatchSize() default 0;

    @AttributeDefinition(name = "Poll interval (ms)", description = "How long to wait before asking again about a pending confirmation")
    long pollAfterMillis() default 2000;

    @AttributeDefinition(name = "Confirmation timeout (s)", description = "How long a signer has to confirm on the phone")
    int confirmationTimeoutSeconds() default 300;

    @AttributeDefinition(name = "Request timeout (s)")
    int requestTimeoutSeconds() default 30;
}
