package vn.hocba.signing.spi;

/** Digest algorithms of the data to sign, with their JCA names and OIDs. */
public enum DigestAlgorithm {
    SHA256("SHA-256", "2.16.840.1.101.3.4.2.1", 32),
    SHA384("SHA-384", "2.16.840.1.101.3.4.2.2", 48),
    SHA512("SHA-512", "2.16.840.1.101.3.4.2.3", 64);

    private final String jcaName;
    private final String oid;
    private final int length;

    DigestAlgorithm(String jcaName, String oid, int length) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.length = length;
    }

    /** The name for {@code java.security.MessageDigest}. */
    public String jcaName() {
        return jcaName;
    }

    public String oid() {
        return oid;
    }

    /** The digest length in bytes. */
    public int length() {
        return length;
    }
}
