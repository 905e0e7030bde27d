package vn.hocba.export;

import java.util.Objects;

import vn.hocba.model.Text;
import vn.hocba.signing.SignerRole;

/**
 * Who signs (or signed) a record, as the exported data states it: the homeroom teacher, the principal or deputy
 * (whose position is recorded), and the school seal, in that order.
 *
 * @param role     the role, which decides the order
 * @param name     the person's full name, or the school's name for the seal; NFC
 * @param position the recorded position (e.g. {@code Phó hiệu trưởng}); empty for the role's label
 */
public record Signatory(SignerRole role, String name, String position) {
    public Signatory {
        Objects.requireNonNull(role, "role");
        name = Text.required(name, "signatory.name");
        position = Text.orEmpty(position);
    }

    /** The recorded position, or the role's Vietnamese label when none was given. */
    public String positionOrRole() {
        return position.isEmpty() ? role.labelVi() : position;
    }
}
