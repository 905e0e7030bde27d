package vn.hocba.signing.spi;

import vn.hocba.signing.SigningException;

/** A provider could not sign or list credentials; the subclasses say why. The whole batch failed. */
public class SignatureProviderException extends SigningException {

    private static final long serialVersionUID = 1L;

    public SignatureProviderException(String messageVi, String messageEn) {
        super(messageVi, messageEn);
    }

    public SignatureProviderException(String messageVi, String messageEn, Throwable cause) {
        super(messageVi, messageEn, cause);
    }
}
