package vn.hocba.signing.csc.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.hocba.signing.spi.SignerRef;

/**
 * One CSC account's configuration as plain values (what {@link CscProviderConfig} carries).
 *
 * @param providerId          the provider's id
 * @param baseUrl             the CSC base URL, without a trailing slash (e.g. {@code https://rssp.example/csc/v2})
 * @param authType            how the client authenticates
 * @param user                BASIC username, OAUTH2_CLIENT client id
 * @param secret              BASIC password, OAUTH2_CLIENT client secret, BEARER token
 * @param tokenUrl            the OAuth 2.0 token endpoint
 * @param schoolCode          the school served, {@code *} for all
 * @param signers             entries {@code staffId=userID}, {@code staffId} or {@code *}
 * @param authDataStyle       how PIN/OTP travel
 * @param maxBatchSize        0 to follow the credential's {@code multisign}
 * @param pollAfter           the pause before polling a pending confirmation
 * @param confirmationTimeout how long a signer has to confirm
 * @param requestTimeout      the timeout of one HTTP request
 */
public record CscSettings(String providerId, URI baseUrl, AuthType authType, String user, String secret,
        URI tokenUrl, String schoolCode, List<String> signers, AuthDataStyle authDataStyle, int maxBatchSize,
        Duration pollAfter, Duration confirmationTimeout, Duration requestTimeout) {

    public CscSettings {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(schoolCode, "schoolCode");
        Objects.requireNonNull(authDataStyle, "authDataStyle");
        user = user == null ? "" : user;
        secret = secret == null ? "" : secret;
        signers = List.copyOf(signers);
        String b = baseUrl.toString();
        baseUrl = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        if (tokenUrl == null) {
            tokenUrl = URI.create(baseUrl + "/oauth2/token");
        }
        if (providerId.isBlank() || maxBatchSize < 0) {
            throw new IllegalArgumentException("provider.id must not be blank and maxBatchSize must be >= 0");
        }
        if ((authType != AuthType.BEARER && user.isBlank()) || secret.isBlank()) {
            throw new IllegalArgumentException("the client credentials for " + authType + " are missing");
        }
    }

    static CscSettings from(CscProviderConfig c) {
        String user = c.authType() == AuthType.BASIC ? c.username() : c.clientId();
        String secret = switch (c.authType()) {
            case BASIC -> c._password();
            case OAUTH2_CLIENT -> c._clientSecret();
            case BEARER -> c._bearerToken();
        };
        return new CscSettings(c.provider_id(), URI.create(c.baseUrl()), c.authType(), user, secret,
                c.tokenUrl().isBlank() ? null : URI.create(c.tokenUrl()), c.schoolCode(),
                Arrays.stream(c.signers()).map(String::strip).filter(s -> !s.isEmpty()).toList(), c.authDataStyle(),
                c.maxBatchSize(), Duration.ofMillis(c.pollAfterMillis()), Duration.ofSeconds(c.confirmationTimeoutSeconds()),
                Duration.ofSeconds(c.requestTimeoutSeconds()));
    }

    /**
     * Whether this account serves the signer, and with which CSC {@code userID}: empty optional = not served,
     * an empty string = the account's own credentials (no userID sent).
     */
    public Optional<String> userIdFor(SignerRef signer) {
        if (!"*".equals(schoolCode) && !schoolCode.equals(signer.schoolCode())) {
            return Optional.empty();
        }
        for (String entry : signers) {
            if ("*".equals(entry)) {
                return Optional.of("");
            }
            int eq = entry.indexOf('=');
            String staff = eq < 0 ? entry : entry.substring(0, eq).strip();
            if (staff.equals(signer.signerId())) {
                return Optional.of(eq < 0 ? "" : entry.substring(eq + 1).strip());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "CscSettings[" + providerId + ", " + baseUrl + ", " + authType + ", school=" + schoolCode + "]";
    }
}
