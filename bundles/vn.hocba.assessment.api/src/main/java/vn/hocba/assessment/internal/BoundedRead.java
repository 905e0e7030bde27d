package vn.hocba.assessment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads an upload into memory, refusing it as soon as it passes the limit (the rest is never read). */
final class BoundedRead {
    private BoundedRead() {}

    /** Thrown when the input is longer than the limit. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
    }

    static byte[] read(InputStream in, long maxBytes) throws TooLarge {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > maxBytes) throw new TooLarge();
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
