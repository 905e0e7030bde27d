package vn.hocba.export.spi;

import vn.hocba.export.ExportException;

/**
 * A package was not delivered (or its receipt was lost). {@link #retryable()} says whether trying again later can
 * help (an outage) or the receiver refused the package itself (then the outbox marks it failed for a person to see).
 */
public class TransportException extends ExportException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public TransportException(String messageVi, String messageEn, boolean retryable, Throwable cause) {
        super(messageVi, messageEn, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
