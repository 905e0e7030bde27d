package vn.hocba.security.basic.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as stored in {@code etc/}: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (PBKDF2 with
 * HMAC-SHA256, salt and hash in unpadded Base64). Plain passwords are never stored or accepted as hashes.
 *
 * <p>Run {@code java -cp vn.hocba.security.basic.jar vn.hocba.security.basic.internal.PasswordHash <password>} (or
 * the Gogo command {@code hocba:passwordhash}) to make one.
 */
public final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 advice for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(password, salt, iterations, HASH_BYTES));
    }

    /** Whether {@code stored} is a hash in our format (not, say, a plain password pasted by mistake). */
    static boolean isHash(String stored) {
        return parse(stored) != null;
    }

    /** Checks a password against a stored hash in constant time; false for anything that is not our format. */
    static boolean matches(char[] password, String stored) {
        Parsed p = parse(stored);
        if (p == null) return false;
        return MessageDigest.isEqual(p.hash, pbkdf2(password, p.salt, p.iterations, p.hash.length));
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String stored) {
        if (stored == null) return null;
        String[] parts = stored.strip().split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) return null;
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1000 || salt.length < 8 || hash.length < 16) return null;
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Prints the hash of each password given. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: PasswordHash <password>...");
            System.exit(2);
        }
        for (String a : args) {
            char[] pw = a.toCharArray();
            System.out.println(hash(pw));
            Arrays.fill(pw, '\0');
        }
    }
}
