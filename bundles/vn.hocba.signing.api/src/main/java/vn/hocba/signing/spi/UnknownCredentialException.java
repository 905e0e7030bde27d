package vn.hocba.signing.spi;

/** No such credential (or pending handle) for this signer at this provider. */
public class UnknownCredentialException extends SignatureProviderException {

    private static final long serialVersionUID = 1L;

    public UnknownCredentialException(String credentialId) {
        super("Không tìm thấy chứng thư số \"" + credentialId + "\"",
                "No credential \"" + credentialId + "\"");
    }
}
