package vn.hocba.security.basic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import vn.hocba.security.Grant;

/**
 * One user of the standalone host, from a factory configuration {@code etc/vn.hocba.security.basic.user-<name>.cfg}.
 * A configuration whose password is not a PBKDF2 hash, or whose grants do not parse, is refused (the user does not
 * exist) and the reason logged.
 */
@Component(service = BasicUser.class, configurationPid = BasicUser.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BasicUser.Config.class, factory = true)
public class BasicUser {

    static final String PID = "vn.hocba.security.basic.user";

    @ObjectClassDefinition(name = "hocba user (HTTP Basic)",
            description = "A user of the standalone host. Người dùng của máy chủ độc lập.")
    public @interface Config {
        @AttributeDefinition(description = "User id (tên đăng nhập); also the signer id of the user's keys")
        String user();

        @AttributeDefinition(description = "Name printed with the signature (họ và tên)")
        String name() default "";

        @AttributeDefinition(description = "pbkdf2-sha256$iterations$salt$hash — never a plain password")
        String password();

        @AttributeDefinition(description = "Grants, comma-separated: HOMEROOM_TEACHER:school:class, PRINCIPAL:school, "
                + "DEPUTY_PRINCIPAL:school, SCHOOL_ADMIN:school, DISTRICT_VIEWER:district, OPERATOR")
        String[] grants() default {};
    }

    private final String user;
    private final String name;
    private final String passwordHash;
    private final List<Grant> grants;

    @Activate
    public BasicUser(Config config) {
        this(config.user(), config.name(), config.password(), config.grants());
    }

    BasicUser(String user, String name, String passwordHash, String[] grants) {
        if (user == null || user.isBlank()) throw new IllegalArgumentException("a user needs a user id");
        if (!PasswordHash.isHash(passwordHash)) {
            throw new IllegalArgumentException("user " + user + ": the password must be a " + PasswordHash.SCHEME
                    + " hash (hocba:passwordhash makes one), never the plain password");
        }
        this.user = user.strip();
        this.name = name == null ? "" : java.text.Normalizer.normalize(utf8Repaired(name.strip()),
                java.text.Normalizer.Form.NFC);
        this.passwordHash = passwordHash.strip();
        this.grants = parseGrants(grants);
    }

    /**
     * A name read from a {@code .cfg} file that was written in UTF-8 but read as ISO-8859-1 (as fileinstall reads
     * {@code .cfg} files, like {@code java.util.Properties}): "PhÃ¡º¡m" becomes "Phạm" again. A string that is not
     * such a misreading (any character above U+00FF, or bytes that are not UTF-8) is returned as it is.
     */
    static String utf8Repaired(String s) {
        if (s.chars().anyMatch(c -> c > 0xFF) || s.chars().noneMatch(c -> c >= 0x80)) return s;
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return s;
        }
    }

    static List<Grant> parseGrants(String[] values) {
        List<Grant> out = new ArrayList<>();
        if (values == null) return out;
        for (String v : values) {
            for (String one : v.split(",")) {
                if (!one.isBlank()) out.add(Grant.parse(one));
            }
        }
        return out;
    }

    String user() {
        return user;
    }

    String name() {
        return name;
    }

    String passwordHash() {
        return passwordHash;
    }

    List<Grant> grants() {
        return grants;
    }

    @Override
    public String toString() {
        return Map.of("user", user, "grants", grants).toString();
    }
}
