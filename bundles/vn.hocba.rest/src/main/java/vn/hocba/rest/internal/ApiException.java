package vn.hocba.rest.internal;

/** An HTTP error with its reason in Vietnamese and English, answered as application/problem+json. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final String messageVi;
    /** The WWW-Authenticate challenge of a 401, or null. */
    final String challenge;

    ApiException(int status, String code, String messageVi, String messageEn, String challenge) {
        super(messageEn);
        this.status = status;
        this.code = code;
        this.messageVi = messageVi;
        this.challenge = challenge;
    }

    ApiException(int status, String code, String messageVi, String messageEn) {
        this(status, code, messageVi, messageEn, null);
    }

    static ApiException badRequest(String vi, String en) {
        return new ApiException(400, "INVALID_REQUEST", vi, en);
    }
}
