package vn.hocba.signing;

import java.util.Objects;

/**
 * The signer as printed and recorded with a signature.
 *
 * @param name     the name shown in the box, NFC (e.g. "Nguyễn Thị Hoa"; for the seal, the school's name)
 * @param role     the role, which decides the order
 * @param position the position recorded with the signature, NFC (e.g. "Phó hiệu trưởng phụ trách chuyên môn");
 *                 {@code null} for the role's label
 * @param location where the signing happens (e.g. "An Lão, Hải Phòng"), or {@code null}
 */
public record SignerInfo(String name, SignerRole role, String position, String location) {

    public SignerInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The recorded position, or the role's Vietnamese label when none was given. */
    public String positionOrRole() {
        return position == null || position.isBlank() ? role.labelVi() : position;
    }
}
