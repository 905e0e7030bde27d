package vn.hocba.export;

import java.util.Objects;

/** An export, delivery or transfer step that did not happen, with messages in Vietnamese and English. */
public class ExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageVi;

    public ExportException(String messageVi, String messageEn) {
        this(messageVi, messageEn, null);
    }

    public ExportException(String messageVi, String messageEn, Throwable cause) {
        super(Objects.requireNonNull(messageEn, "messageEn"), cause);
        this.messageVi = Objects.requireNonNull(messageVi, "messageVi");
    }

    public String messageVi() {
        return messageVi;
    }
}
