package vn.hocba.store;

/** The requested lifecycle step is not allowed from the version's state, or its preconditions are missing. */
public class IllegalTransitionException extends StoreException {

    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String messageVi, String messageEn) {
        super(messageVi, messageEn);
    }
}
