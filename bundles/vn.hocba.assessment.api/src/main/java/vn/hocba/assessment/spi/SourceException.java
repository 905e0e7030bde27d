package vn.hocba.assessment.spi;

import java.util.Objects;

/** A source could not answer; the message is in English ({@link #getMessage()}) and Vietnamese. */
public class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageVi;

    public SourceException(String messageVi, String messageEn) {
        this(messageVi, messageEn, null);
    }

    public SourceException(String messageVi, String messageEn, Throwable cause) {
        super(Objects.requireNonNull(messageEn, "messageEn"), cause);
        this.messageVi = Objects.requireNonNull(messageVi, "messageVi");
    }

    public String messageVi() {
        return messageVi;
    }
}
