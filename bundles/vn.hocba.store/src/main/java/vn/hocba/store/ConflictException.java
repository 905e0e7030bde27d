package vn.hocba.store;

/**
 * Somebody else changed the data since the caller read it (optimistic locking): reload, merge and try again.
 * Nothing was overwritten.
 */
public class ConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String messageVi, String messageEn, Throwable cause) {
        super(messageVi, messageEn, cause);
    }
}
