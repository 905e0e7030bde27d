package vn.hocba.signing;

/**
 * A signature refused because of the order homeroom teacher → principal or deputy → school seal: a role
 * signing before the one it follows, a role signing twice, or anything signing after the seal.
 */
public class SignatureOrderException extends SigningException {

    private static final long serialVersionUID = 1L;

    public SignatureOrderException(String messageVi, String messageEn) {
        super(messageVi, messageEn);
    }
}
