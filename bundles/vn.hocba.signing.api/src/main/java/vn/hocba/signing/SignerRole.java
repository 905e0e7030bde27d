package vn.hocba.signing;

/**
 * Who signs a học bạ, in signing order: the homeroom teacher, then the principal or a deputy principal,
 * then the school seal, which certifies the document (nothing may be signed after it).
 */
public enum SignerRole {
    HOMEROOM_TEACHER(1, "Giáo viên chủ nhiệm", "Homeroom teacher"),
    PRINCIPAL(2, "Hiệu trưởng", "Principal"),
    DEPUTY_PRINCIPAL(2, "Phó hiệu trưởng", "Deputy principal"),
    SCHOOL_SEAL(3, "Con dấu nhà trường", "School seal");

    private final int step;
    private final String labelVi;
    private final String labelEn;

    SignerRole(int step, String labelVi, String labelEn) {
        this.step = step;
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    /** 1, 2 or 3: the place in the signing order; principal and deputy share step 2 (one of them signs). */
    public int step() {
        return step;
    }

    /** The Vietnamese label (NFC), as printed in the signature box. */
    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The role with this Vietnamese or English label or enum name, ignoring case; or {@code null}. */
    public static SignerRole fromLabel(String text) {
        if (text == null) {
            return null;
        }
        String t = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
        for (SignerRole r : values()) {
            if (r.name().equalsIgnoreCase(t) || r.labelVi.equalsIgnoreCase(t) || r.labelEn.equalsIgnoreCase(t)) {
                return r;
            }
        }
        return null;
    }
}
