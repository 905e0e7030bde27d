package vn.hocba.export.moet.internal.pkg;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the entries of a received package with limits, so that a hostile ZIP (path tricks, repeated names, a
 * decompression bomb) is refused rather than unpacked.
 */
public final class PackageReader {

    public static final int MAX_ENTRIES = 50_000;
    public static final long MAX_ENTRY_BYTES = 64L << 20;
    public static final long MAX_TOTAL_BYTES = 4L << 30;

    private PackageReader() {}

    /** The entries by path, in ZIP order. @throws IllegalArgumentException with the reason when refused */
    public static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                if (e.isDirectory()) continue;
                if (name.startsWith("/") || name.contains("..") || name.contains("\\") || name.contains(":")) {
                    throw new IllegalArgumentException("entry with an unsafe name: " + name);
                }
                if (entries.containsKey(name)) {
                    throw new IllegalArgumentException("entry twice: " + name);
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new IllegalArgumentException("more than " + MAX_ENTRIES + " entries");
                }
                byte[] bytes = readLimited(in, name);
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) throw new IllegalArgumentException("the package unpacks to too much data");
                entries.put(name, bytes);
            }
        } catch (IOException ex) {
            throw new IllegalArgumentException("not a readable ZIP: " + ex.getMessage(), ex);
        }
        if (entries.isEmpty()) throw new IllegalArgumentException("not a ZIP package, or an empty one");
        return entries;
    }

    private static byte[] readLimited(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long n = 0;
        int r;
        while ((r = in.read(buffer)) > 0) {
            n += r;
            if (n > MAX_ENTRY_BYTES) throw new IllegalArgumentException("entry too large: " + name);
            out.write(buffer, 0, r);
        }
        return out.toByteArray();
    }
}
