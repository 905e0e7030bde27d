package vn.hocba.signing.spi;

/**
 * Signature algorithms over a precomputed digest. The value a provider returns is the one that goes
 * into CMS {@code SignerInfo.signature} or XML {@code SignatureValue} after conversion by the engine:
 * <ul>
 * <li>RSA (PKCS#1 v1.5): the provider builds the {@code DigestInfo} of the digest (as
 * {@code NONEwithRSA} over {@code DigestInfo}, or {@code CKM_RSA_PKCS}) and returns the raw RSA value;</li>
 * <li>ECDSA: the provider returns the DER {@code SEQUENCE { r, s }} (convert a raw {@code r||s}
 * from a token or remote service before returning).</li>
 * </ul>
 */
public enum SignatureAlgorithm {
    RSA_SHA256(KeyAlgorithm.RSA, DigestAlgorithm.SHA256, "SHA256withRSA", "1.2.840.113549.1.1.11"),
    RSA_SHA384(KeyAlgorithm.RSA, DigestAlgorithm.SHA384, "SHA384withRSA", "1.2.840.113549.1.1.12"),
    RSA_SHA512(KeyAlgorithm.RSA, DigestAlgorithm.SHA512, "SHA512withRSA", "1.2.840.113549.1.1.13"),
    ECDSA_SHA256(KeyAlgorithm.EC, DigestAlgorithm.SHA256, "SHA256withECDSA", "1.2.840.10045.4.3.2"),
    ECDSA_SHA384(KeyAlgorithm.EC, DigestAlgorithm.SHA384, "SHA384withECDSA", "1.2.840.10045.4.3.3"),
    ECDSA_SHA512(KeyAlgorithm.EC, DigestAlgorithm.SHA512, "SHA512withECDSA", "1.2.840.10045.4.3.4");

    private final KeyAlgorithm keyAlgorithm;
    private final DigestAlgorithm digestAlgorithm;
    private final String jcaName;
    private final String oid;

    SignatureAlgorithm(KeyAlgorithm keyAlgorithm, DigestAlgorithm digestAlgorithm, String jcaName, String oid) {
        this.keyAlgorithm = keyAlgorithm;
        this.digestAlgorithm = digestAlgorithm;
        this.jcaName = jcaName;
        this.oid = oid;
    }

    public KeyAlgorithm keyAlgorithm() {
        return keyAlgorithm;
    }

    public DigestAlgorithm digestAlgorithm() {
        return digestAlgorithm;
    }

    /** The JCA name of the whole algorithm (hash and sign), e.g. {@code SHA256withRSA}. */
    public String jcaName() {
        return jcaName;
    }

    /** The OID of the signature algorithm, e.g. for CSC's {@code signAlgo}. */
    public String oid() {
        return oid;
    }

    /** The algorithm for a key and a digest. */
    public static SignatureAlgorithm of(KeyAlgorithm key, DigestAlgorithm digest) {
        for (SignatureAlgorithm a : values()) {
            if (a.keyAlgorithm == key && a.digestAlgorithm == digest) {
                return a;
            }
        }
        throw new IllegalArgumentException("no signature algorithm for " + key + " with " + digest);
    }
}
