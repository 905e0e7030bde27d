package vn.hocba.store;

/** The data handed in belongs to another school than the scope of the call. */
public class ScopeException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ScopeException(String messageVi, String messageEn) {
        super(messageVi, messageEn);
    }
}
