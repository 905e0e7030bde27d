package vn.hocba.signing.pkcs12.internal;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.SignatureAlgorithm;

/** Signs a precomputed digest with a JCA private key, as the SPI defines the values. */
final class DigestSigning {

    private DigestSigning() {
    }

    static byte[] sign(PrivateKey key, SignatureAlgorithm algorithm, byte[] digest) throws GeneralSecurityException {
        if (algorithm.keyAlgorithm() == KeyAlgorithm.RSA) {
            Signature s = Signature.getInstance("NONEwithRSA");
            s.initSign(key);
            s.update(digestInfo(algorithm.digestAlgorithm().oid(), digest));
            return s.sign();
        }
        Signature s = Signature.getInstance("NONEwithECDSA"); // DER SEQUENCE { r, s }
        s.initSign(key);
        s.update(digest);
        return s.sign();
    }

    /** DER {@code DigestInfo ::= SEQUENCE { AlgorithmIdentifier { oid, NULL }, OCTET STRING digest }}. */
    static byte[] digestInfo(String oid, byte[] digest) {
        byte[] oidDer = oidDer(oid);
        byte[] algId = tlv(0x30, concat(oidDer, new byte[] {0x05, 0x00}));
        return tlv(0x30, concat(algId, tlv(0x04, digest)));
    }

    private static byte[] oidDer(String oid) {
        String[] parts = oid.split("\\.");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            byte[] tmp = new byte[10];
            int n = 0;
            do {
                tmp[n++] = (byte) (v & 0x7f);
                v >>>= 7;
            } while (v > 0);
            for (int j = n - 1; j >= 0; j--) {
                body.write(tmp[j] | (j > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 4);
        out.write(tag);
        if (value.length < 128) {
            out.write(value.length);
        } else if (value.length < 256) {
            out.write(0x81);
            out.write(value.length);
        } else {
            out.write(0x82);
            out.write(value.length >> 8);
            out.write(value.length & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
