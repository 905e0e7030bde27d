package vn.hocba.assessment.csv.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks inside an .xlsx (a zip) before POI opens it: too many entries, an entry or a total that inflates past the
 * limits, or an entry inflating far more than any spreadsheet does, is a zip bomb. Reading stops at the first limit
 * passed, so the check itself costs at most the limits.
 */
final class ZipGuard {
    /** The limits; a spreadsheet of a whole school is far below them. */
    record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {
        static final Limits DEFAULT = new Limits(10_000, 100L << 20, 200L << 20, 200);
    }

    /** Why the archive is refused, in Vietnamese and English; null when it is fine. */
    record Verdict(String vi, String en) {}

    private ZipGuard() {}

    static Verdict check(byte[] zip, Limits limits) {
        long total = 0;
        int entries = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++entries > limits.maxEntries()) {
                    return new Verdict("hơn " + limits.maxEntries() + " tệp con", "more than " + limits.maxEntries()
                            + " entries");
                }
                long size = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    size += n;
                    total += n;
                    if (size > limits.maxEntryBytes()) {
                        return new Verdict("phần \"" + e.getName() + "\" giải nén ra hơn " + mb(limits.maxEntryBytes())
                                + " MB", "the part \"" + e.getName() + "\" unpacks to more than "
                                + mb(limits.maxEntryBytes()) + " MB");
                    }
                    if (total > limits.maxTotalBytes()) {
                        return new Verdict("giải nén ra hơn " + mb(limits.maxTotalBytes()) + " MB",
                                "it unpacks to more than " + mb(limits.maxTotalBytes()) + " MB");
                    }
                }
                long packed = e.getCompressedSize();
                if (size > (1 << 20) && packed > 0 && size / packed > limits.maxRatio()) {
                    return new Verdict("phần \"" + e.getName() + "\" nén " + size / packed + " lần",
                            "the part \"" + e.getName() + "\" is packed " + size / packed + " times");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return new Verdict("tệp nén bị hỏng (" + e.getMessage() + ")", "the archive is damaged (" + e.getMessage()
                    + ")");
        }
        if (entries == 0) return new Verdict("tệp nén rỗng", "the archive is empty");
        return null;
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
