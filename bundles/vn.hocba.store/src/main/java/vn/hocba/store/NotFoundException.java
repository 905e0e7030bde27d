package vn.hocba.store;

/** Nothing with that key exists in the caller's school scope (data of other schools is never visible). */
public class NotFoundException extends StoreException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String messageVi, String messageEn) {
        super(messageVi, messageEn);
    }
}
