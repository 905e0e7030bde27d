package vn.hocba.export.moet.internal;

import vn.hocba.signing.SignerRole;

/** The names and codes of schema 1.0 that are not national codes of the model's enums. */
final class MoetNames {

    static final String NAMESPACE = "urn:hocba:moet:hocbaso-tieuhoc:1.0";
    static final String SCHEMA_VERSION = "1.0";
    static final String EXPORTER_ID = "moet-tieuhoc-1.0";
    /** Where the XSD lives in this bundle (and in the published sources). */
    static final String SCHEMA_RESOURCE = "/schema/hocbaso-tieuhoc-1.0.xsd";

    static final String ROOT = "thongtinsohocbasotieuhoc";
    static final String HISTORY = ROOT + "_quatrinhhoctap";
    static final String SUBJECTS = ROOT + "_dsbangdiem";
    static final String TRAITS = ROOT + "_dsphamchatnangluc";
    static final String RESULT = ROOT + "_ketqua";
    static final String AWARDS = ROOT + "_dskhenthuong";
    static final String CORRECTION = ROOT + "_dinhchinh";
    static final String SIGNERS = ROOT + "_dsnguoiky";

    /** The override reason stays in the issuing school's audit trail; a reader gets this note instead. */
    static final String OVERRIDE_NOTE = "Kết quả do giáo viên điều chỉnh tại trường cấp học bạ; lí do lưu trong nhật ký"
            + " của trường đó (result overridden at the issuing school; the reason is kept in its audit trail)";

    private MoetNames() {}

    static String roleCode(SignerRole role) {
        return switch (role) {
            case HOMEROOM_TEACHER -> "GVCN";
            case PRINCIPAL -> "HT";
            case DEPUTY_PRINCIPAL -> "PHT";
            case SCHOOL_SEAL -> "CDT";
        };
    }

    static SignerRole roleOf(String code) {
        return switch (code) {
            case "GVCN" -> SignerRole.HOMEROOM_TEACHER;
            case "HT" -> SignerRole.PRINCIPAL;
            case "PHT" -> SignerRole.DEPUTY_PRINCIPAL;
            case "CDT" -> SignerRole.SCHOOL_SEAL;
            default -> throw new IllegalArgumentException("no signer role with code " + code);
        };
    }

    static String bool(boolean b) {
        return b ? "1" : "0";
    }
}
