package vn.hocba.security;

/** What a person may do in hocba, by where they work (HOCBA.md §1). */
public enum Role {
    /** Giáo viên chủ nhiệm: reads, locks and signs the records of their own class only. */
    HOMEROOM_TEACHER("Giáo viên chủ nhiệm", "Homeroom teacher"),
    /** Hiệu trưởng: reads and signs every record of their school, approves corrections, revokes. */
    PRINCIPAL("Hiệu trưởng", "Principal"),
    /** Phó hiệu trưởng: signs in the principal's place; the position is recorded with the signature. */
    DEPUTY_PRINCIPAL("Phó hiệu trưởng", "Deputy principal"),
    /** Cán bộ quản trị: configuration, imports, exports, sealing and issuing of their school. */
    SCHOOL_ADMIN("Cán bộ quản trị", "School administrator"),
    /** Phòng GDĐT: reads the progress of the schools of their district, nothing else. */
    DISTRICT_VIEWER("Chuyên viên Phòng GDĐT", "District office viewer"),
    /** Whoever runs the installation (the Gogo shell): every school, every step but a person's signature. */
    OPERATOR("Quản trị hệ thống", "Installation operator");

    private final String labelVi;
    private final String labelEn;

    Role(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The principal or a deputy: the people who lead a school and sign in step 2. */
    public boolean leadsSchool() {
        return this == PRINCIPAL || this == DEPUTY_PRINCIPAL;
    }
}
