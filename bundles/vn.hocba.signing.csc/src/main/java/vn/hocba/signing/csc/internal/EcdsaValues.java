package vn.hocba.signing.csc.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/** ECDSA values as the SPI wants them (DER {@code SEQUENCE { r, s }}), whichever form a service returns. */
final class EcdsaValues {

    private EcdsaValues() {
    }

    /** A DER value unchanged; a raw {@code r || s} (IEEE P1363) converted to DER. */
    static byte[] toDer(byte[] value) {
        if (isDerSequenceOfTwoIntegers(value)) {
            return value;
        }
        if (value.length == 0 || value.length % 2 != 0) {
            throw new IllegalArgumentException("an ECDSA value of " + value.length + " bytes is neither DER nor r||s");
        }
        int half = value.length / 2;
        byte[] r = integer(new BigInteger(1, Arrays.copyOfRange(value, 0, half)).toByteArray());
        byte[] s = integer(new BigInteger(1, Arrays.copyOfRange(value, half, value.length)).toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, r.length + s.length);
        out.writeBytes(r);
        out.writeBytes(s);
        return out.toByteArray();
    }

    private static byte[] integer(byte[] twosComplement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x02);
        writeLength(out, twosComplement.length);
        out.writeBytes(twosComplement);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
    }

    private static boolean isDerSequenceOfTwoIntegers(byte[] v) {
        int[] pos = {0};
        if (v.length < 8 || v[0] != 0x30) {
            return false;
        }
        pos[0] = 1;
        int seqLen = readLength(v, pos);
        if (seqLen < 0 || pos[0] + seqLen != v.length) {
            return false;
        }
        for (int i = 0; i < 2; i++) {
            if (pos[0] >= v.length || v[pos[0]] != 0x02) {
                return false;
            }
            pos[0]++;
            int len = readLength(v, pos);
            if (len <= 0 || pos[0] + len > v.length) {
                return false;
            }
            pos[0] += len;
        }
        return pos[0] == v.length;
    }

    private static int readLength(byte[] v, int[] pos) {
        if (pos[0] >= v.length) {
            return -1;
        }
        int first = v[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7f;
        if (n == 0 || n > 2 || pos[0] + n > v.length) {
            return -1;
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (v[pos[0]++] & 0xff);
        }
        return len;
    }
}
