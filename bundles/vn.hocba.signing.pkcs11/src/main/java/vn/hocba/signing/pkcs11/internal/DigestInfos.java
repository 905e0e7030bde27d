package vn.hocba.signing.pkcs11.internal;

import java.util.HexFormat;

import vn.hocba.signing.spi.DigestAlgorithm;

/** The DER {@code DigestInfo} that PKCS#1 v1.5 signs (RFC 8017 §9.2 note 1): a fixed prefix, then the digest. */
final class DigestInfos {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SHA256 = HEX.parseHex("3031300d060960864801650304020105000420");
    private static final byte[] SHA384 = HEX.parseHex("3041300d060960864801650304020205000430");
    private static final byte[] SHA512 = HEX.parseHex("3051300d060960864801650304020305000440");

    private DigestInfos() {
    }

    static byte[] of(DigestAlgorithm algorithm, byte[] digest) {
        byte[] prefix = switch (algorithm) {
            case SHA256 -> SHA256;
            case SHA384 -> SHA384;
            case SHA512 -> SHA512;
        };
        byte[] out = new byte[prefix.length + digest.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(digest, 0, out, prefix.length, digest.length);
        return out;
    }
}
