package vn.hocba.export.moet.internal.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

/** The embedded files of a PDF/A-3 as FOP writes them, found without a PDF library. */
class PdfAttachmentsTest {

    static final byte[] XML = "<?xml version=\"1.0\"?><thongtinsohocbasotieuhoc xmlns=\"urn:x\">Trần Hữu Ánh</thongtinsohocbasotieuhoc>"
            .getBytes(StandardCharsets.UTF_8);

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        byte[] buffer = new byte[4096];
        int n = d.deflate(buffer);
        d.end();
        return java.util.Arrays.copyOf(buffer, n);
    }

    static byte[] pdf(String subtype, byte[] data, boolean flate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("%PDF-1.4\n1 0 obj\n<< /EmbeddedFiles 2 0 R >>\nendobj\n6 0 obj\n<<\n  /Type /EmbeddedFile\n"
                + "  /Subtype /" + subtype + "\n  /Params <<\n  /Size " + XML.length + "\n>>\n  /Length 7 0 R\n"
                + (flate ? "  /Filter /FlateDecode\n" : "") + ">>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    @Test
    void aFlateFileWhoseSubtypeNameContainsStreamIsFound() {
        List<byte[]> files = PdfAttachments.embeddedFiles(pdf("application#2Foctet-stream", deflate(XML), true));
        assertEquals(1, files.size());
        assertArrayEquals(XML, files.get(0));
    }

    @Test
    void anUncompressedFileIsFoundToo() {
        List<byte[]> files = PdfAttachments.embeddedFiles(pdf("application#2Fxml", XML, false));
        assertEquals(1, files.size());
        assertArrayEquals(XML, files.get(0));
    }

    @Test
    void theNameTreeIsNoFileAndBrokenDataIsLeftOut() {
        assertEquals(0, PdfAttachments.embeddedFiles(pdf("application#2Fxml", new byte[] { 1, 2, 3 }, true)).size());
        assertEquals(0, PdfAttachments.embeddedFiles("%PDF-1.4\n<< /EmbeddedFiles 2 0 R >>\n%%EOF"
                .getBytes(StandardCharsets.ISO_8859_1)).size());
    }
}
