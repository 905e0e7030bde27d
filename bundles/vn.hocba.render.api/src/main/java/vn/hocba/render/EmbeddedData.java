package vn.hocba.render;

import java.util.Objects;

/**
 * A file attached to the PDF (PDF/A-3 associated file, relationship {@code Data}).
 *
 * @param fileName    the attachment's name, e.g. {@code hocba-record.xml}
 * @param mimeType    e.g. {@code application/xml}
 * @param description a short human description
 * @param bytes       the content; not copied (treat as read-only)
 */
public record EmbeddedData(String fileName, String mimeType, String description, byte[] bytes) {

    public EmbeddedData {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(bytes, "bytes");
        if (!fileName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("attachment names are plain ASCII file names: " + fileName);
        }
        if (!mimeType.matches("[a-z]+/[A-Za-z0-9.+-]+")) {
            throw new IllegalArgumentException("not a MIME type: " + mimeType);
        }
        description = description == null ? "" : description.strip();
    }
}
