package vn.hocba.signing.pades.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

import vn.hocba.signing.SignerInfo;
import vn.hocba.signing.SignerRole;

/**
 * The visible appearance of a signature in its box: position (bold), "Đã ký số", the signer's name (bold) and
 * the signing time in Vietnam's time zone, in Liberation Serif (embedded, subset) so the PDF stays PDF/A.
 */
final class SignatureAppearance {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);

    private final byte[] regular;
    private final byte[] bold;

    SignatureAppearance() {
        regular = vietnameseRepertoire(load("/liberation/LiberationSerif-Regular.ttf"));
        bold = vietnameseRepertoire(load("/liberation/LiberationSerif-Bold.ttf"));
    }

    /**
     * The font cut once to what a Vietnamese signature box can print (Latin, Vietnamese letters, punctuation),
     * without its GSUB/GPOS tables: parsing it per signature is cheap, and PDFBox's GSUB path (costly, and
     * useless for Vietnamese precomposed letters) is not taken. Each document still gets its own subset.
     */
    static byte[] vietnameseRepertoire(byte[] ttfBytes) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(ttfBytes))) {
            TTFSubsetter subsetter = new TTFSubsetter(ttf, List.of("head", "hhea", "maxp", "name", "OS/2", "glyf", "loca",
                    "cmap", "hmtx", "post", "cvt ", "prep", "fpgm", "gasp"));
            Set<Integer> codePoints = new TreeSet<>();
            addRange(codePoints, 0x20, 0x7E);
            addRange(codePoints, 0xA0, 0x17F);    // Latin-1, Latin Extended-A (Đ đ Ă ă Ĩ ĩ Ũ ũ)
            addRange(codePoints, 0x1A0, 0x1B0);   // Ơ ơ Ư ư
            addRange(codePoints, 0x300, 0x323);   // combining marks
            addRange(codePoints, 0x1EA0, 0x1EF9); // Latin Extended Additional: Vietnamese
            addRange(codePoints, 0x2010, 0x2026); // dashes, quotes, ellipsis
            subsetter.addAll(codePoints);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the signature font", e);
        }
    }

    private static void addRange(Set<Integer> set, int from, int to) {
        for (int c = from; c <= to; c++) {
            set.add(c);
        }
    }

    private static byte[] load(String resource) {
        // from the bundle's own class loader, never from a file
        try (InputStream in = SignatureAppearance.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the bundle: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lines printed in the box. */
    static List<Line> lines(SignerInfo signer, Instant time) {
        List<Line> lines = new ArrayList<>();
        String title = signer.role() == SignerRole.SCHOOL_SEAL ? "XÁC THỰC CỦA NHÀ TRƯỜNG"
                : signer.positionOrRole().toUpperCase(java.util.Locale.forLanguageTag("vi"));
        lines.add(new Line(nfc(title), true));
        lines.add(new Line("(Đã ký số)", false));
        lines.add(new Line(nfc(signer.name()), true));
        lines.add(new Line("Ký lúc: " + TIME.format(time), false));
        return lines;
    }

    record Line(String text, boolean bold) {
    }

    /** Builds the normal appearance of a widget of size {@code width × height}. */
    PDAppearanceDictionary build(PDDocument doc, float width, float height, List<Line> lines) throws IOException {
        PDFont regularFont = PDType0Font.load(doc, new ByteArrayInputStream(regular), true);
        PDFont boldFont = PDType0Font.load(doc, new ByteArrayInputStream(bold), true);
        PDAppearanceStream stream = new PDAppearanceStream(doc);
        stream.setBBox(new PDRectangle(width, height));
        stream.setResources(new PDResources());

        float padding = Math.min(4f, width / 20f);
        float size = Math.min(11f, (height - 2 * padding) / (lines.size() * 1.25f));
        for (Line l : lines) {
            PDFont f = l.bold() ? boldFont : regularFont;
            float w = f.getStringWidth(l.text()) / 1000f * size;
            if (w > width - 2 * padding) {
                size = size * (width - 2 * padding) / w;
            }
        }
        float leading = size * 1.25f;
        float blockHeight = leading * lines.size();
        float y = (height + blockHeight) / 2f - size;
        try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
            cs.setNonStrokingColor(0.05f, 0.15f, 0.55f); // ink blue, like a stamp
            for (Line l : lines) {
                PDFont f = l.bold() ? boldFont : regularFont;
                float w = f.getStringWidth(l.text()) / 1000f * size;
                cs.beginText();
                cs.setFont(f, size);
                cs.newLineAtOffset((width - w) / 2f, y);
                cs.showText(l.text());
                cs.endText();
                y -= leading;
            }
            cs.setStrokingColor(0.05f, 0.15f, 0.55f);
            cs.setLineWidth(0.8f);
            cs.addRect(0.5f, 0.5f, width - 1f, height - 1f);
            cs.stroke();
        }
        PDAppearanceDictionary ap = new PDAppearanceDictionary();
        ap.setNormalAppearance(stream);
        return ap;
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
