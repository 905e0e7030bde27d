package vn.hocba.model;

/** Giới tính, with the national codes of the sector data catalogue (gioitinh: 0 unknown, 1 male, 2 female). */
public enum Sex {
    UNKNOWN(0, "Không xác định"),
    MALE(1, "Nam"),
    FEMALE(2, "Nữ");

    private final int nationalCode;
    private final String label;

    Sex(int nationalCode, String label) {
        this.nationalCode = nationalCode;
        this.label = label;
    }

    public int nationalCode() { return nationalCode; }

    /** The Vietnamese word printed on the record. */
    public String label() { return label; }

    public static Sex ofNationalCode(int code) {
        for (Sex s : values()) {
            if (s.nationalCode == code) return s;
        }
        throw new IllegalArgumentException("no sex with national code " + code);
    }
}
