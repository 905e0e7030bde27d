package vn.hocba.store;

/** An issued record version (or an audit entry) was asked to change or go away: it never does. */
public class ImmutableVersionException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ImmutableVersionException(String messageVi, String messageEn, Throwable cause) {
        super(messageVi, messageEn, cause);
    }
}
