package vn.hocba.signing.csc.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignatureProviderException;

/**
 * The HTTP side of the CSC API v2: JSON over {@link HttpClient}, the client's access token (obtained and renewed
 * here), and the service's {@code info}. Transport failures and 5xx answers become
 * {@link ProviderUnavailableException}; other refusals come back as {@link CscError} for the caller to map.
 */
final class CscClient {

    /** A 4xx answer: the CSC {@code error} and {@code error_description}. */
    static final class CscError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String error;
        final String description;

        CscError(int status, String error, String description) {
            super(status + " " + error + ": " + description);
            this.status = status;
            this.error = error == null ? "" : error;
            this.description = description == null ? "" : description;
        }
    }

    /** A 2xx answer. */
    record Response(int status, Map<String, Object> body) {
    }

    private final CscSettings settings;
    private final HttpClient http;
    private String accessToken; // guarded by this
    private Instant accessTokenExpiry = Instant.MIN; // guarded by this
    private volatile Map<String, Object> info;

    CscClient(CscSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The service's {@code info}, asked once; checks that it offers what a batch needs. */
    Map<String, Object> info() throws SignatureProviderException {
        Map<String, Object> known = info;
        if (known != null) {
            return known;
        }
        Response r;
        try {
            r = send(post(settings.baseUrl() + "/info", "{}", null), "info");
        } catch (CscError e) {
            throw unavailable("dịch vụ từ chối lệnh info (" + e.getMessage() + ")",
                    "the service refused info (" + e.getMessage() + ")", e);
        }
        if (r.body().get("methods") instanceof List<?> methods) {
            for (String needed : List.of("credentials/list", "credentials/info", "credentials/authorize",
                    "signatures/signHash")) {
                if (!methods.contains(needed)) {
                    throw unavailable("dịch vụ không hỗ trợ " + needed, "the service does not offer " + needed, null);
                }
            }
        }
        info = r.body();
        return r.body();
    }

    /** Calls a CSC method with the client's access token; renews the token once if the service refuses it. */
    Response call(String method, Map<String, Object> body) throws SignatureProviderException, CscError {
        String json = Json.write(body);
        for (int attempt = 0;; attempt++) {
            String token = accessToken(attempt > 0);
            try {
                return send(post(settings.baseUrl() + "/" + method, json, "Bearer " + token), method);
            } catch (CscError e) {
                if (e.status != 401) {
                    throw e;
                }
                if (attempt > 0 || settings.authType() == AuthType.BEARER) {
                    throw unavailable("dịch vụ không chấp nhận access token, kiểm tra cấu hình " + CscProviderConfig.PID,
                            "the service refused the access token (" + e.getMessage() + "), check the configuration", e);
                }
                // the access token expired or was revoked: log in again, once
            }
        }
    }

    private synchronized String accessToken(boolean renew) throws SignatureProviderException {
        if (settings.authType() == AuthType.BEARER) {
            return settings.secret();
        }
        if (!renew && accessToken != null && Instant.now().isBefore(accessTokenExpiry)) {
            return accessToken;
        }
        HttpRequest request;
        if (settings.authType() == AuthType.BASIC) {
            String basic = Base64.getEncoder().encodeToString((settings.user() + ":" + settings.secret())
                    .getBytes(StandardCharsets.UTF_8));
            request = post(settings.baseUrl() + "/auth/login", "{\"rememberMe\":false}", "Basic " + basic);
        } else {
            String form = "grant_type=client_credentials&scope=service"
                    + "&client_id=" + URLEncoder.encode(settings.user(), StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(settings.secret(), StandardCharsets.UTF_8);
            request = HttpRequest.newBuilder(settings.tokenUrl()).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        }
        Response r;
        try {
            r = send(request, settings.authType() == AuthType.BASIC ? "auth/login" : "oauth2/token");
        } catch (CscError e) {
            throw unavailable("dịch vụ không chấp nhận tài khoản của ứng dụng, kiểm tra cấu hình " + CscProviderConfig.PID,
                    "the service refused this client's credentials (" + e.getMessage() + "), check the configuration", e);
        }
        if (!(r.body().get("access_token") instanceof String t) || t.isBlank()) {
            throw unavailable("dịch vụ không trả access token", "the service answered no access_token", null);
        }
        long seconds = r.body().get("expires_in") instanceof Number n ? n.longValue() : 3600;
        accessToken = t;
        accessTokenExpiry = Instant.now().plusSeconds(Math.max(0, seconds - 30));
        return t;
    }

    private HttpRequest post(String url, String json, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private Response send(HttpRequest request, String method) throws SignatureProviderException, CscError {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unavailable("không kết nối được " + settings.baseUrl() + " (" + method + ")",
                    "cannot reach " + settings.baseUrl() + " (" + method + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("yêu cầu bị ngắt", "the request was interrupted", e);
        }
        int status = response.statusCode();
        Map<String, Object> body;
        try {
            String text = response.body();
            body = text == null || text.isBlank() ? Map.of() : Json.parseObject(text);
        } catch (IllegalArgumentException e) {
            if (status >= 500 || status < 400) {
                throw unavailable("dịch vụ trả lời không hợp lệ (HTTP " + status + ", " + method + ")",
                        "the service answered HTTP " + status + " with no valid JSON to " + method, e);
            }
            body = Map.of();
        }
        if (status >= 500) {
            throw unavailable("dịch vụ đang lỗi (HTTP " + status + ", " + method + ")",
                    "the service failed with HTTP " + status + " on " + method + ": " + body, null);
        }
        if (status >= 400) {
            throw new CscError(status, string(body.get("error")), string(body.get("error_description")));
        }
        if (status != 200 && status != 202) {
            throw unavailable("dịch vụ trả lời HTTP " + status, "unexpected HTTP " + status + " on " + method, null);
        }
        return new Response(status, body);
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    ProviderUnavailableException unavailable(String vi, String en, Throwable cause) {
        return new ProviderUnavailableException(settings.providerId(), vi + " — " + en, cause);
    }
}
