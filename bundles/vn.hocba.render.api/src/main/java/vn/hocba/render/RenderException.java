package vn.hocba.render;

/** A record could not be printed. The message is in Vietnamese, then English. */
public class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageVi;
    private final String messageEn;

    public RenderException(String messageVi, String messageEn, Throwable cause) {
        super(messageVi + " / " + messageEn, cause);
        this.messageVi = messageVi;
        this.messageEn = messageEn;
    }

    public RenderException(String messageVi, String messageEn) {
        this(messageVi, messageEn, null);
    }

    public String messageVi() { return messageVi; }

    public String messageEn() { return messageEn; }
}
