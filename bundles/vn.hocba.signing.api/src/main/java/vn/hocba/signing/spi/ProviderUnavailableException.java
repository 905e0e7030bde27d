package vn.hocba.signing.spi;

/**
 * The provider cannot be reached or stopped (token removed, remote service down, provider bundle stopped
 * mid-batch, no provider configured). Retrying later may work.
 */
public class ProviderUnavailableException extends SignatureProviderException {

    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String providerId, String detail, Throwable cause) {
        super("Dịch vụ ký số \"" + providerId + "\" không sẵn sàng: " + detail,
                "Signing provider \"" + providerId + "\" is unavailable: " + detail, cause);
    }
}
