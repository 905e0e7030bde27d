package vn.hocba.signing.pades.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignerRole;

/** A one-page PDF/A-3b "year page" made with PDFBox: embedded Liberation Serif, sRGB output intent, XMP. */
final class SamplePdfa {

    private SamplePdfa() {
    }

    /** The boxes the sample leaves for the signatures (bottom of the page). */
    static SignatureBox box(SignerRole role) {
        return switch (role) {
            case HOMEROOM_TEACHER -> new SignatureBox(1, 40, 60, 160, 80);
            case PRINCIPAL, DEPUTY_PRINCIPAL -> new SignatureBox(1, 218, 60, 160, 80);
            case SCHOOL_SEAL -> new SignatureBox(1, 396, 60, 160, 80);
        };
    }

    static byte[] yearPage(String pupil) throws IOException {
        return yearPage(pupil, false);
    }

    /** The year page; with {@code fields}, the form also holds an empty signature field per step (as a renderer may lay out). */
    static byte[] yearPage(String pupil, boolean fields) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFont font;
            try (InputStream in = SamplePdfa.class.getResourceAsStream("/liberation/LiberationSerif-Regular.ttf")) {
                font = PDType0Font.load(doc, in, true);
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 14);
                cs.newLineAtOffset(60, 780);
                cs.showText("HỌC BẠ TIỂU HỌC — Năm học 2024-2025");
                cs.newLineAtOffset(0, -24);
                cs.setFont(font, 12);
                cs.showText("Họ và tên học sinh: " + pupil);
                cs.newLineAtOffset(0, -18);
                cs.showText("Lớp 3A — Trường Tiểu học An Lão");
                cs.newLineAtOffset(0, -18);
                cs.showText("Tiếng Việt: Hoàn thành tốt (T) — điểm 9; Toán: Hoàn thành tốt (T) — điểm 10");
                cs.newLineAtOffset(0, -18);
                cs.showText("Kết quả cuối năm: Hoàn thành xuất sắc");
                cs.endText();
            }
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp().getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(doc,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            doc.getDocumentCatalog().addOutputIntent(intent);
            if (fields) {
                addEmptySignatureFields(doc, page);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void addEmptySignatureFields(PDDocument doc, PDPage page) throws IOException {
        PDAcroForm form = new PDAcroForm(doc);
        doc.getDocumentCatalog().setAcroForm(form);
        for (SignerRole role : new SignerRole[] {SignerRole.HOMEROOM_TEACHER, SignerRole.PRINCIPAL, SignerRole.SCHOOL_SEAL}) {
            SignatureBox b = box(role);
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName("hocba-" + role.name());
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(b.x(), b.y(), b.width(), b.height()));
            widget.setPage(page);
            widget.setPrinted(true);
            PDAppearanceStream empty = new PDAppearanceStream(doc);
            empty.setBBox(new PDRectangle(b.width(), b.height()));
            PDAppearanceDictionary ap = new PDAppearanceDictionary();
            ap.setNormalAppearance(empty);
            widget.setAppearance(ap);
            page.getAnnotations().add(widget);
            form.getFields().add(field);
        }
    }

    private static String xmp() {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "   <pdfaid:part>3</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Học bạ</rdf:li></rdf:Alt></dc:title>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }
}
