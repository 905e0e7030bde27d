package vn.hocba.signing.testpki;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small but real CSC API v2 service on 127.0.0.1 for the tests: {@code info}, {@code auth/login} (Basic),
 * {@code oauth2/token} (client credentials), {@code credentials/list|info|authorize|authorizeCheck},
 * {@code signatures/signHash}. It signs with real keys (from the test PKI), binds the SAD to the authorised
 * hashes and their number, answers 202 for credentials the signer confirms on a "phone" (the test calls
 * {@link #confirm}), and counts every call so tests can assert on them.
 *
 * <p>A test can also hold the next {@code signatures/signHash} until it says so ({@link #holdSignHash},
 * {@link #awaitHeld}, {@link #release}) — to stop a provider deterministically while its batch is in flight. Code that
 * cannot reach this object (a probe inside an OSGi framework) does the same over HTTP: {@code POST
 * <controlUrl>/hold}, {@code GET <controlUrl>/held} ({@code {"held":n,"authorizeCalls":n,"signHashCalls":n}}), {@code POST
 * <controlUrl>/release}.
 */
public final class CscTestServer implements AutoCloseable {

    public static final String USER = "hocba-app";
    public static final String PASSWORD = "mật-khẩu-ứng-dụng";
    public static final String CLIENT_ID = "hocba-client";
    public static final String CLIENT_SECRET = "s3cret";

    /** How a credential is unlocked. */
    public enum Unlock { PIN, OTP, PHONE }

    /** A credential: its owner ({@code userID}), key, chain, how it is unlocked and its secret, {@code multisign}. */
    public record Account(String credentialId, String userId, PrivateKey key, List<X509Certificate> chain, Unlock unlock,
            String secret, int multisign) {
    }

    private enum State { WAITING, CONFIRMED, REFUSED }

    private record PendingAuthorisation(String credentialId, List<String> hashes, State state) {
    }

    private record Sad(String credentialId, Set<String> hashes, int[] remaining, long expiresAtMillis) {
    }

    public final AtomicInteger infoCalls = new AtomicInteger();
    public final AtomicInteger loginCalls = new AtomicInteger();
    public final AtomicInteger authorizeCalls = new AtomicInteger();
    public final AtomicInteger authorizeCheckCalls = new AtomicInteger();
    public final AtomicInteger signHashCalls = new AtomicInteger();
    public volatile long lastNumSignatures;
    public volatile int lastSignHashSize;
    /** The SAD's lifetime; 0 makes every SAD expired when it is used. */
    public volatile long sadLifetimeMillis = 60_000;
    /** Every call answers 503. */
    public volatile boolean failing;

    /** While set, signHash calls wait on it (see {@link #holdSignHash}); {@code held} counts the waiting ones. */
    private volatile CountDownLatch gate;
    private final AtomicInteger held = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "csc-test-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, PendingAuthorisation> pending = new ConcurrentHashMap<>();
    private final Map<String, Sad> sads = new ConcurrentHashMap<>();

    public CscTestServer(List<Account> credentials) throws IOException {
        credentials.forEach(a -> accounts.put(a.credentialId(), a));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/csc/v2/", this::handle);
        server.createContext("/test-control/", this::control);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/csc/v2";
    }

    /** Where {@code hold}, {@code held} and {@code release} answer over HTTP. */
    public String controlUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/test-control";
    }

    /** The signer says yes on the phone. */
    public void confirm(String handle) {
        pending.computeIfPresent(handle, (h, p) -> new PendingAuthorisation(p.credentialId(), p.hashes(), State.CONFIRMED));
    }

    /** The signer says no on the phone. */
    public void refuse(String handle) {
        pending.computeIfPresent(handle, (h, p) -> new PendingAuthorisation(p.credentialId(), p.hashes(), State.REFUSED));
    }

    /** An access token issued out of band (for a BEARER configuration). */
    public String issueAccessToken() {
        return newAccessToken();
    }

    /** Forgets every access token, as when they expire. */
    public void revokeAccessTokens() {
        accessTokens.clear();
    }

    /** From now on signHash calls wait, before signing anything, until {@link #release}. */
    public void holdSignHash() {
        gate = new CountDownLatch(1);
    }

    /** Waits until a signHash call is being held; false if none came in time. */
    public boolean awaitHeld(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (held.get() == 0) {
            if (System.currentTimeMillis() > end) return false;
            Thread.sleep(10);
        }
        return true;
    }

    /** Lets the held signHash calls (and later ones) go on. */
    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) g.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }

    private void control(HttpExchange ex) throws IOException {
        try (ex) {
            String action = ex.getRequestURI().getPath().substring("/test-control/".length());
            switch (action) {
                case "hold" -> holdSignHash();
                case "release" -> release();
                case "held" -> { }
                default -> {
                    reply(ex, 404, Map.of("error", "no control " + action));
                    return;
                }
            }
            reply(ex, 200, Map.of("held", (long) held.get(), "authorizeCalls", (long) authorizeCalls.get(),
                    "signHashCalls", (long) signHashCalls.get()));
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (failing) {
                reply(ex, 503, Map.of("error", "temporarily_unavailable"));
                return;
            }
            String method = ex.getRequestURI().getPath().substring("/csc/v2/".length());
            String text = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (method) {
                case "info" -> info(ex);
                case "auth/login" -> login(ex);
                case "oauth2/token" -> token(ex, text);
                default -> {
                    String auth = ex.getRequestHeaders().getFirst("Authorization");
                    if (auth == null || !auth.startsWith("Bearer ") || !accessTokens.contains(auth.substring(7))) {
                        reply(ex, 401, Map.of("error", "invalid_token", "error_description", "Invalid access token"));
                        return;
                    }
                    Map<String, Object> body = TestJson.parseObject(text.isBlank() ? "{}" : text);
                    switch (method) {
                        case "credentials/list" -> list(ex, body);
                        case "credentials/info" -> credentialInfo(ex, body);
                        case "credentials/authorize" -> authorize(ex, body);
                        case "credentials/authorizeCheck" -> authorizeCheck(ex, body);
                        case "signatures/signHash" -> signHash(ex, body);
                        default -> reply(ex, 404, Map.of("error", "invalid_request", "error_description", "No method " + method));
                    }
                }
            }
        } catch (RuntimeException | GeneralSecurityException e) {
            reply(ex, 500, Map.of("error", "server_error", "error_description", String.valueOf(e)));
        }
    }

    private void info(HttpExchange ex) throws IOException {
        infoCalls.incrementAndGet();
        reply(ex, 200, Map.of("specs", "2.0.0.2", "name", "hocba test RSSP", "region", "VN", "lang", "vi-VN",
                "authType", List.of("basic", "oauth2client"),
                "methods", List.of("auth/login", "oauth2/token", "credentials/list", "credentials/info",
                        "credentials/authorize", "credentials/authorizeCheck", "signatures/signHash")));
    }

    private void login(HttpExchange ex) throws IOException {
        loginCalls.incrementAndGet();
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            reply(ex, 401, Map.of("error", "invalid_grant", "error_description", "Bad user or password"));
            return;
        }
        reply(ex, 200, Map.of("access_token", newAccessToken(), "expires_in", 3600L));
    }

    private void token(HttpExchange ex, String form) throws IOException {
        loginCalls.incrementAndGet();
        Map<String, String> f = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                f.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"client_credentials".equals(f.get("grant_type")) || !CLIENT_ID.equals(f.get("client_id"))
                || !CLIENT_SECRET.equals(f.get("client_secret"))) {
            reply(ex, 400, Map.of("error", "invalid_client", "error_description", "Bad client credentials"));
            return;
        }
        reply(ex, 200, Map.of("access_token", newAccessToken(), "token_type", "Bearer", "expires_in", 3600L));
    }

    private String newAccessToken() {
        String t = UUID.randomUUID().toString();
        accessTokens.add(t);
        return t;
    }

    private void list(HttpExchange ex, Map<String, Object> body) throws IOException {
        String user = body.get("userID") instanceof String u ? u : "default";
        List<String> ids = new ArrayList<>();
        accounts.values().stream().filter(a -> a.userId().equals(user)).map(Account::credentialId).sorted().forEach(ids::add);
        reply(ex, 200, Map.of("credentialIDs", ids));
    }

    private void credentialInfo(HttpExchange ex, Map<String, Object> body) throws IOException, GeneralSecurityException {
        Account a = accounts.get(String.valueOf(body.get("credentialID")));
        if (a == null) {
            invalid(ex, "invalid_request", "Invalid parameter credentialID");
            return;
        }
        List<String> chain = new ArrayList<>();
        for (X509Certificate c : a.chain()) {
            chain.add(Base64.getEncoder().encodeToString(c.getEncoded()));
        }
        boolean ec = "EC".equals(a.key().getAlgorithm());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("key", Map.of("status", "enabled", "algo", ec
                ? List.of("1.2.840.10045.2.1", "1.2.840.10045.4.3.2")
                : List.of("1.2.840.113549.1.1.1"), "len", ec ? 256L : 2048L));
        info.put("cert", Map.of("status", "valid", "certificates", chain));
        switch (a.unlock()) {
            case PIN -> info.put("auth", Map.of("mode", "explicit", "objects",
                    List.of(Map.of("type", "Password", "id", "PIN", "format", "N", "label", "PIN"))));
            case OTP -> info.put("auth", Map.of("mode", "explicit", "objects",
                    List.of(Map.of("type", "Password", "id", "OTP", "format", "N", "generator", "totp"))));
            case PHONE -> info.put("authMode", "implicit"); // the v2.0.0.0 way of saying "confirmed out of band"
        }
        info.put("multisign", (long) a.multisign());
        reply(ex, 200, info);
    }

    private void authorize(HttpExchange ex, Map<String, Object> body) throws IOException {
        authorizeCalls.incrementAndGet();
        Account a = accounts.get(String.valueOf(body.get("credentialID")));
        if (a == null) {
            invalid(ex, "invalid_request", "Invalid parameter credentialID");
            return;
        }
        long n = body.get("numSignatures") instanceof Number num ? num.longValue() : -1;
        lastNumSignatures = n;
        List<String> hashes = strings(body.get("hashes"));
        if (n < 1 || n != hashes.size()) {
            invalid(ex, "invalid_request", "Invalid value for parameter numSignatures");
            return;
        }
        if (n > a.multisign()) {
            invalid(ex, "invalid_request", "Numbers of signatures is too high");
            return;
        }
        if (a.unlock() != Unlock.PHONE) {
            String given = authValue(body, a.unlock().name());
            if (!a.secret().equals(given)) {
                invalid(ex, "invalid_authentication_data", "The authentication data is invalid");
                return;
            }
            reply(ex, 200, Map.of("SAD", newSad(a.credentialId(), hashes), "expiresIn", 60L));
            return;
        }
        String handle = "h-" + UUID.randomUUID();
        pending.put(handle, new PendingAuthorisation(a.credentialId(), hashes, State.WAITING));
        reply(ex, 202, Map.of("handle", handle));
    }

    private void authorizeCheck(HttpExchange ex, Map<String, Object> body) throws IOException {
        authorizeCheckCalls.incrementAndGet();
        String handle = String.valueOf(body.get("handle"));
        PendingAuthorisation p = pending.get(handle);
        if (p == null) {
            invalid(ex, "invalid_request", "Invalid parameter handle");
            return;
        }
        switch (p.state()) {
            case WAITING -> reply(ex, 202, Map.of("handle", handle));
            case REFUSED -> {
                pending.remove(handle);
                invalid(ex, "access_denied", "The user refused the authorization");
            }
            case CONFIRMED -> {
                pending.remove(handle);
                reply(ex, 200, Map.of("SAD", newSad(p.credentialId(), p.hashes()), "expiresIn", 60L));
            }
        }
    }

    private void signHash(HttpExchange ex, Map<String, Object> body) throws IOException, GeneralSecurityException {
        signHashCalls.incrementAndGet();
        CountDownLatch g = gate;
        if (g != null) {
            held.incrementAndGet();
            try {
                g.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.decrementAndGet();
            }
        }
        Account a = accounts.get(String.valueOf(body.get("credentialID")));
        Sad sad = sads.get(String.valueOf(body.get("SAD")));
        List<String> hashes = strings(body.get("hashes"));
        lastSignHashSize = hashes.size();
        if (a == null) {
            invalid(ex, "invalid_request", "Invalid parameter credentialID");
            return;
        }
        if (sad == null || !sad.credentialId().equals(a.credentialId())) {
            invalid(ex, "invalid_request", "Invalid parameter SAD");
            return;
        }
        if (System.currentTimeMillis() >= sad.expiresAtMillis()) {
            sads.remove(String.valueOf(body.get("SAD")));
            invalid(ex, "invalid_request", "The SAD has expired");
            return;
        }
        synchronized (sad) {
            if (!sad.hashes().containsAll(hashes) || hashes.size() > sad.remaining()[0] || hashes.isEmpty()) {
                invalid(ex, "invalid_request", "Hash is not authorized by the SAD");
                return;
            }
            sad.remaining()[0] -= hashes.size();
        }
        String signAlgo = String.valueOf(body.get("signAlgo"));
        String hashOid = body.get("hashAlgorithmOID") instanceof String h ? h : null;
        List<String> values = new ArrayList<>();
        for (String h : hashes) {
            byte[] digest = Base64.getDecoder().decode(h);
            byte[] value;
            if ("EC".equals(a.key().getAlgorithm())) {
                // many services answer ECDSA as raw r||s: the client must convert
                Signature s = Signature.getInstance("NONEwithECDSAinP1363Format");
                s.initSign(a.key());
                s.update(digest);
                value = s.sign();
            } else {
                if (!"1.2.840.113549.1.1.1".equals(signAlgo) || !"2.16.840.1.101.3.4.2.1".equals(hashOid)) {
                    invalid(ex, "invalid_request", "Invalid parameter signAlgo");
                    return;
                }
                Signature s = Signature.getInstance("NONEwithRSA");
                s.initSign(a.key());
                s.update(HexFormat.of().parseHex("3031300d060960864801650304020105000420"));
                s.update(digest);
                value = s.sign();
            }
            values.add(Base64.getEncoder().encodeToString(value));
        }
        reply(ex, 200, Map.of("signatures", values));
    }

    private String newSad(String credentialId, List<String> hashes) {
        String sad = "sad-" + UUID.randomUUID();
        sads.put(sad, new Sad(credentialId, new HashSet<>(hashes), new int[] {hashes.size()},
                System.currentTimeMillis() + sadLifetimeMillis));
        return sad;
    }

    private static String authValue(Map<String, Object> body, String id) {
        if (body.get("authData") instanceof List<?> data) {
            for (Object o : data) {
                if (o instanceof Map<?, ?> m && id.equals(m.get("id"))) {
                    return String.valueOf(m.get("value"));
                }
            }
        }
        return body.get(id) instanceof String s ? s : null;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    private static void invalid(HttpExchange ex, String error, String description) throws IOException {
        reply(ex, 400, Map.of("error", error, "error_description", description));
    }

    private static void reply(HttpExchange ex, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = TestJson.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
