package vn.hocba.signing.spi;

/** The PIN or one-time code was wrong. */
public class WrongAuthorisationException extends SignatureProviderException {

    private static final long serialVersionUID = 1L;

    private final int remainingTries;

    /** @param remainingTries tries left before the credential locks, {@code -1} if unknown */
    public WrongAuthorisationException(int remainingTries, Throwable cause) {
        super("Mã PIN hoặc mã xác thực không đúng" + (remainingTries >= 0 ? " (còn " + remainingTries + " lần thử)" : ""),
                "Wrong PIN or authorisation code" + (remainingTries >= 0 ? " (" + remainingTries + " tries left)" : ""),
                cause);
        this.remainingTries = remainingTries;
    }

    /** Tries left before the credential locks, {@code -1} if unknown. */
    public int remainingTries() {
        return remainingTries;
    }
}
