package vn.hocba.export.moet.internal.transfer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds the embedded files of a PDF/A-3 (the record's XML travels inside its PDF) without a PDF library: the
 * streams of objects typed {@code /EmbeddedFile}, uncompressed or FlateDecode. Enough for the files our renderer
 * writes (no object streams); what it cannot find, the import reports as missing rather than guessing. The PDF's
 * signatures, checked by the signing engine, cover these bytes.
 */
public final class PdfAttachments {

    private static final int MAX = 64 << 20;
    private static final Pattern STREAM = Pattern.compile(">>\\s*stream(?:\r\n|\n|\r)");

    private PdfAttachments() {}

    public static List<byte[]> embeddedFiles(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        List<byte[]> files = new ArrayList<>();
        int from = 0;
        while (true) {
            int type = text.indexOf("/EmbeddedFile", from);
            if (type < 0) break;
            from = type + 13;
            if (from < text.length() && Character.isLetter(text.charAt(from))) continue; // /EmbeddedFiles (name tree)
            int dictStart = text.lastIndexOf("obj", type);
            // the keyword after the dictionary, not a name that contains it (FOP: /Subtype /application#2Foctet-stream)
            Matcher keyword = STREAM.matcher(text);
            int endobj = text.indexOf("endobj", type);
            if (dictStart < 0 || !keyword.find(type) || (endobj >= 0 && endobj < keyword.start())) continue;
            String dict = text.substring(dictStart, keyword.start() + 2);
            int dataStart = keyword.end();
            int dataEnd = text.indexOf("endstream", dataStart);
            if (dataEnd < 0) break;
            byte[] raw = java.util.Arrays.copyOfRange(pdf, dataStart, dataEnd);
            try {
                files.add(dict.contains("/FlateDecode") ? inflate(raw) : trimEol(raw));
            } catch (DataFormatException e) {
                // not a file we can read: ignored, the caller reports the XML as missing
            }
            from = dataEnd;
        }
        return files;
    }

    private static byte[] inflate(byte[] raw) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
        byte[] buffer = new byte[1 << 14];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
            out.write(buffer, 0, n);
            if (out.size() > MAX) throw new DataFormatException("embedded file too large");
        }
        inflater.end();
        return out.toByteArray();
    }

    private static byte[] trimEol(byte[] raw) {
        int n = raw.length;
        while (n > 0 && (raw[n - 1] == '\n' || raw[n - 1] == '\r')) n--;
        return java.util.Arrays.copyOf(raw, n);
    }
}
