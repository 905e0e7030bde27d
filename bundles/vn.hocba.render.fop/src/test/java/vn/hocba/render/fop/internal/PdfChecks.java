package vn.hocba.render.fop.internal;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.hocba.render.SignatureBox;

/** Independent looks at a rendered PDF: veraPDF for PDF/A, PDFBox for fonts, text, attachment, pixels. */
final class PdfChecks {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfChecks() {}

    /** The failed PDF/A-3b rules, empty when veraPDF says the file is compliant. */
    static List<String> pdfa3bFailures(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_3_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) return List.of();
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage())
                    .distinct().collect(Collectors.toList());
            if (failures.isEmpty()) failures.add("not compliant, no failed assertion reported");
            return failures;
        }
    }

    static PDDocument load(byte[] pdf) throws IOException {
        return Loader.loadPDF(pdf);
    }

    /** Every font used on any page (also inside form XObjects), by name, and whether it is embedded. */
    static Map<String, Boolean> fonts(PDDocument doc) throws IOException {
        Map<String, Boolean> fonts = new java.util.TreeMap<>();
        for (PDPage page : doc.getPages()) collectFonts(page.getResources(), fonts, 0);
        return fonts;
    }

    private static void collectFonts(PDResources res, Map<String, Boolean> fonts, int depth) throws IOException {
        if (res == null || depth > 5) return;
        for (COSName name : res.getFontNames()) {
            PDFont font = res.getFont(name);
            fonts.put(font.getName(), font.isEmbedded());
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDFormXObject form) collectFonts(form.getResources(), fonts, depth + 1);
        }
    }

    static String text(PDDocument doc) throws IOException {
        return new PDFTextStripper().getText(doc);
    }

    static String textOfPage(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    /** The text inside a rectangle given in PDF coordinates (points, origin bottom-left). */
    static String textIn(PDDocument doc, int page, float x, float y, float width, float height) throws IOException {
        PDPage p = doc.getPage(page - 1);
        float pageHeight = p.getMediaBox().getHeight();
        PDFTextStripperByArea s = new PDFTextStripperByArea();
        s.addRegion("r", new Rectangle2D.Float(x, pageHeight - (y + height), width, height));
        s.extractRegions(p);
        return s.getTextForRegion("r");
    }

    /** The largest right edge of any glyph on any page, in points from the left of the page. */
    static float rightmostGlyph(PDDocument doc) throws IOException {
        float[] max = {0};
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition t : positions) max[0] = Math.max(max[0], t.getXDirAdj() + t.getWidthDirAdj());
            }
        };
        s.getText(doc);
        return max[0];
    }

    /** The attached files: name → bytes, with the AFRelationship of each (PDF/A-3 associated files). */
    static List<Attachment> attachments(PDDocument doc) throws IOException {
        List<Attachment> out = new ArrayList<>();
        PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) return out;
        Map<String, PDComplexFileSpecification> files = names.getEmbeddedFiles().getNames();
        if (files == null) return out;
        COSBase af = doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
        for (Map.Entry<String, PDComplexFileSpecification> e : files.entrySet()) {
            COSDictionary spec = e.getValue().getCOSObject();
            boolean inAf = false;
            if (af instanceof COSArray array) {
                for (COSBase item : array) {
                    COSBase resolved = item instanceof COSObject o ? o.getObject() : item;
                    if (resolved == spec) inAf = true;
                }
            }
            out.add(new Attachment(e.getKey(), e.getValue().getEmbeddedFile().toByteArray(),
                    spec.getNameAsString(COSName.getPDFName("AFRelationship")),
                    e.getValue().getEmbeddedFile().getSubtype(), inAf));
        }
        return out;
    }

    record Attachment(String name, byte[] bytes, String relationship, String mimeType, boolean inCatalogAF) {}

    static String xmp(PDDocument doc) throws IOException {
        return new String(doc.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Decodes the QR code printed in the page footer (lower-left corner) from the rendered pixels. */
    static String qrText(PDDocument doc, int page) throws Exception {
        BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(page - 1, 200, ImageType.RGB);
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage corner = img.getSubimage(0, h * 4 / 5, w / 3, h / 5);
        int[] pixels = corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(corner.getWidth(), corner.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    static boolean overlap(SignatureBox a, SignatureBox b) {
        return a.page() == b.page() && a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }
}
