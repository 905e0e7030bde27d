package vn.hocba.security.basic.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import vn.hocba.security.Caller;
import vn.hocba.security.CallerResolver;
import vn.hocba.security.RequestView;
import vn.hocba.security.Resolution;

/**
 * The standalone host's callers: HTTP Basic against the users configured in {@code etc/} ({@link BasicUser}).
 * A verified password is remembered (as a SHA-256 of user, password and stored hash, never the password) for a few
 * minutes, so the deliberately slow PBKDF2 runs once per user and not on every request. After repeated wrong
 * passwords a user is refused for a while, whatever the password.
 */
@Component(service = CallerResolver.class, configurationPid = BasicCallerResolver.PID,
        property = CallerResolverIds.BASIC_PROPERTY)
@Designate(ocd = BasicCallerResolver.Config.class)
public class BasicCallerResolver implements CallerResolver {

    static final String PID = "vn.hocba.security.basic";
    static final String ID = "basic";

    @ObjectClassDefinition(name = "hocba HTTP Basic users")
    public @interface Config {
        @AttributeDefinition(description = "Realm shown by browsers")
        String realm() default "hocba";

        @AttributeDefinition(description = "How long a verified password is remembered, seconds")
        int cacheSeconds() default 600;

        @AttributeDefinition(description = "Wrong passwords in a row before the user is refused for a while")
        int maxFailures() default 5;

        @AttributeDefinition(description = "How long a user is refused after too many wrong passwords, seconds")
        int lockSeconds() default 900;
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, BasicUser> users = new ConcurrentHashMap<>();
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Config config;

    @Activate
    public BasicCallerResolver(Config config) {
        this(config, Clock.systemUTC());
    }

    BasicCallerResolver(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(Config newConfig) {
        this.config = newConfig;
        verified.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addUser(BasicUser user) {
        users.put(user.user(), user);
        verified.clear();
    }

    void removeUser(BasicUser user) {
        users.remove(user.user(), user);
        verified.clear();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String challenge() {
        return "Basic realm=\"" + config.realm() + "\", charset=\"UTF-8\"";
    }

    @Override
    public Resolution resolve(RequestView request) {
        String header = request.header("Authorization");
        if (header == null || header.isBlank()) return new Resolution.Anonymous();
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Resolution.Refused("Chỉ hỗ trợ xác thực HTTP Basic",
                    "Only HTTP Basic authentication is supported");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return malformed();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) return malformed();
        String userId = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        return check(userId, password);
    }

    private Resolution check(String userId, char[] password) {
        Instant now = clock.instant();
        Failures f = failures.get(userId);
        if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            return new Resolution.Refused(
                    "Tài khoản tạm khoá vì nhập sai mật khẩu nhiều lần; thử lại sau " + minutesLeft(now, f) + " phút",
                    "Account locked after too many wrong passwords; try again in " + minutesLeft(now, f)
                            + " minutes");
        }
        BasicUser user = users.get(userId);
        if (user == null) {
            // the same answer (and the same slow hash) as a wrong password: user names are not disclosed
            PasswordHash.matches(password, DUMMY_HASH);
            return wrongPassword(userId, now);
        }
        String key = cacheKey(userId, password, user.passwordHash());
        Instant until = verified.get(key);
        if (until == null || now.isAfter(until)) {
            if (!PasswordHash.matches(password, user.passwordHash())) return wrongPassword(userId, now);
            verified.put(key, now.plusSeconds(config.cacheSeconds()));
        }
        failures.remove(userId);
        return new Resolution.Authenticated(new Caller(user.user(), user.name(), user.grants()));
    }

    private Resolution wrongPassword(String userId, Instant now) {
        failures.compute(userId, (k, old) -> {
            int count = (old == null ? 0 : old.count()) + 1;
            return count >= config.maxFailures() ? new Failures(0, now.plusSeconds(config.lockSeconds()))
                    : new Failures(count, null);
        });
        return new Resolution.Refused("Tên đăng nhập hoặc mật khẩu không đúng", "Wrong user name or password");
    }

    private static long minutesLeft(Instant now, Failures f) {
        return Math.max(1, Duration.between(now, f.lockedUntil()).toMinutes() + 1);
    }

    private static Resolution malformed() {
        return new Resolution.Refused("Thông tin đăng nhập HTTP Basic không hợp lệ",
                "Malformed HTTP Basic credentials");
    }

    private static String cacheKey(String user, char[] password, String storedHash) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(user.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(new String(password).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(storedHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String DUMMY_HASH = PasswordHash.hash("not-a-user".toCharArray(), 600_000);
}
