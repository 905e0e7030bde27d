package vn.hocba.signing.spi;

import java.util.Objects;

/**
 * Who signs, as the host platform knows them: the school code (tenant) and the signer's staff id there.
 * For the school seal the signer id is the seal's id (e.g. {@code seal}).
 */
public record SignerRef(String schoolCode, String signerId) {

    public SignerRef {
        Objects.requireNonNull(schoolCode, "schoolCode");
        Objects.requireNonNull(signerId, "signerId");
        if (schoolCode.isBlank() || signerId.isBlank()) {
            throw new IllegalArgumentException("school code and signer id must not be blank");
        }
    }

    @Override
    public String toString() {
        return schoolCode + "/" + signerId;
    }
}
