package vn.hocba.store;

import java.util.Objects;

/**
 * A store operation that did not happen; nothing of it was written. The message is in English
 * ({@link #getMessage()}) and in Vietnamese ({@link #messageVi()}); subclasses say why.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageVi;

    public StoreException(String messageVi, String messageEn) {
        this(messageVi, messageEn, null);
    }

    public StoreException(String messageVi, String messageEn, Throwable cause) {
        super(Objects.requireNonNull(messageEn, "messageEn"), cause);
        this.messageVi = Objects.requireNonNull(messageVi, "messageVi");
    }

    /** The message for a Vietnamese-speaking user. */
    public String messageVi() {
        return messageVi;
    }
}
