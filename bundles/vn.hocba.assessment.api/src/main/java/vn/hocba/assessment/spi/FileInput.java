package vn.hocba.assessment.spi;

import java.util.Locale;

/**
 * An uploaded file, already read into memory within the import's size limit.
 *
 * @param fileName  the name the user gave (may be empty); only its extension is trusted, and only as a hint
 * @param mediaType the declared media type, may be empty
 * @param content   the bytes (not copied: do not change them)
 * @param sha256    lower-case hex SHA-256 of the bytes
 */
public record FileInput(String fileName, String mediaType, byte[] content, String sha256) {
    public FileInput {
        fileName = fileName == null ? "" : fileName.strip();
        mediaType = mediaType == null ? "" : mediaType.strip().toLowerCase(Locale.ROOT);
        if (content == null) throw new IllegalArgumentException("content is required");
        sha256 = sha256 == null ? "" : sha256;
    }

    /** The lower-case extension of the file name without the dot, or empty. */
    public String extension() {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether the content starts with the bytes of a zip archive (an .xlsx is one). */
    public boolean looksLikeZip() {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }
}
