package vn.hocba.signing.spi;

/** The authorisation (a remote confirmation, an OTP, a pending batch) expired or was refused by the signer. */
public class AuthorisationExpiredException extends SignatureProviderException {

    private static final long serialVersionUID = 1L;

    public AuthorisationExpiredException(String detail, Throwable cause) {
        super("Phiên xác thực ký số đã hết hạn hoặc bị từ chối: " + detail,
                "The signing authorisation expired or was refused: " + detail, cause);
    }
}
