package vn.hocba.workflow;

import vn.hocba.model.RecordState;

/** A step of a record version's life (HOCBA.md §6), with the state it leads to. */
public enum Step {
    /** Freezes the assessment data into the version: DRAFT → LOCKED. */
    LOCK("Khoá sổ", "Lock", RecordState.LOCKED),
    /** Back to DRAFT to fix something before issue (drops artefacts and signatures); needs a reason. */
    REOPEN("Mở lại để sửa", "Reopen", RecordState.DRAFT),
    /** Prints the PDF and the XML of a locked, unsigned version; the state stays LOCKED. */
    RENDER("Tạo bản in", "Render", RecordState.LOCKED),
    /** The homeroom teacher signs: LOCKED → TEACHER_SIGNED. */
    SIGN_TEACHER("GVCN ký", "Homeroom teacher signs", RecordState.TEACHER_SIGNED),
    /** The principal or a deputy signs: TEACHER_SIGNED → PRINCIPAL_SIGNED. */
    SIGN_PRINCIPAL("Hiệu trưởng ký", "Principal signs", RecordState.PRINCIPAL_SIGNED),
    /** The school seal certifies the documents; the state stays PRINCIPAL_SIGNED. */
    SEAL("Đóng dấu", "Seal", RecordState.PRINCIPAL_SIGNED),
    /** The sealed version becomes the official record: PRINCIPAL_SIGNED → ISSUED. */
    ISSUE("Phát hành", "Issue", RecordState.ISSUED),
    /** Delivered to the province: ISSUED → SENT. */
    SEND("Gửi lên Sở", "Send", RecordState.SENT),
    /** Receipt of the repository: SENT → ACCEPTED. */
    ACCEPT("Đã tiếp nhận", "Accept", RecordState.ACCEPTED),
    /** A new DRAFT version of an issued record, with a reason, approved by the principal. */
    CORRECT("Đính chính", "Correct", RecordState.DRAFT),
    /** An issued version is withdrawn, with a reason: → REVOKED. */
    REVOKE("Thu hồi", "Revoke", RecordState.REVOKED),
    /** Done by the system when the correction that replaces an issued version is issued: → SUPERSEDED. */
    SUPERSEDE("Thay thế", "Supersede", RecordState.SUPERSEDED);

    private final String labelVi;
    private final String labelEn;
    private final RecordState target;

    Step(String labelVi, String labelEn, RecordState target) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.target = target;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The state of the version after the step (for CORRECT: of the new version). */
    public RecordState target() {
        return target;
    }

    /** Steps that are refused without a written reason. */
    public boolean requiresReason() {
        return this == REOPEN || this == CORRECT || this == REVOKE;
    }
}
