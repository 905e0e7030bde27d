package vn.hocba.render;

import java.util.List;
import java.util.Optional;

/**
 * The printed form of one record version.
 *
 * @param pdf             the PDF/A-3b document; not copied (treat as read-only)
 * @param templateId      the template that laid it out
 * @param pageCount       number of pages
 * @param data            the attachment embedded in the PDF
 * @param dataSha256      lower-case hex SHA-256 of {@code data.bytes()}, as carried by the QR code
 * @param verificationUrl the link printed in the QR code on every page
 * @param signatureBoxes  one box per {@link SignatureRole}, on the page where the form prints it
 */
public record RenderedRecord(byte[] pdf, String templateId, int pageCount, EmbeddedData data, String dataSha256,
        String verificationUrl, List<SignatureBox> signatureBoxes) {

    public RenderedRecord {
        signatureBoxes = List.copyOf(signatureBoxes);
    }

    public Optional<SignatureBox> box(SignatureRole role) {
        return signatureBoxes.stream().filter(b -> b.role() == role).findFirst();
    }
}
