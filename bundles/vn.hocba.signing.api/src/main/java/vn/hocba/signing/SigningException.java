package vn.hocba.signing;

import java.util.Objects;

/**
 * A signing or verification step that did not happen, with a message for users in Vietnamese (NFC) and
 * English ({@link #getMessage()}).
 */
public class SigningException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String messageVi;

    public SigningException(String messageVi, String messageEn) {
        this(messageVi, messageEn, null);
    }

    public SigningException(String messageVi, String messageEn, Throwable cause) {
        super(Objects.requireNonNull(messageEn, "messageEn"), cause);
        this.messageVi = Objects.requireNonNull(messageVi, "messageVi");
    }

    /** The message for a Vietnamese-speaking user. */
    public String messageVi() {
        return messageVi;
    }
}
