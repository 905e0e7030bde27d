package vn.hocba.model;

/**
 * A quality (phẩm chất) or competency (năng lực chung / đặc thù) assessed each year with a {@link TraitLevel}.
 * The codes are those of hocba-csv v1 ({@code PC.YN}, {@code NLC.TCTH}, {@code NLDT.NN}, …).
 */
public enum Trait {
    YEU_NUOC(Kind.QUALITY, "PC.YN", "Yêu nước"),
    NHAN_AI(Kind.QUALITY, "PC.NA", "Nhân ái"),
    CHAM_CHI(Kind.QUALITY, "PC.CC", "Chăm chỉ"),
    TRUNG_THUC(Kind.QUALITY, "PC.TT", "Trung thực"),
    TRACH_NHIEM(Kind.QUALITY, "PC.TN", "Trách nhiệm"),
    TU_CHU_TU_HOC(Kind.GENERAL_COMPETENCY, "NLC.TCTH", "Tự chủ và tự học"),
    GIAO_TIEP_HOP_TAC(Kind.GENERAL_COMPETENCY, "NLC.GTHT", "Giao tiếp và hợp tác"),
    GIAI_QUYET_VAN_DE(Kind.GENERAL_COMPETENCY, "NLC.GQVD", "Giải quyết vấn đề và sáng tạo"),
    NGON_NGU(Kind.SPECIFIC_COMPETENCY, "NLDT.NN", "Ngôn ngữ"),
    TINH_TOAN(Kind.SPECIFIC_COMPETENCY, "NLDT.TT", "Tính toán"),
    KHOA_HOC(Kind.SPECIFIC_COMPETENCY, "NLDT.KH", "Khoa học"),
    CONG_NGHE(Kind.SPECIFIC_COMPETENCY, "NLDT.CN", "Công nghệ"),
    TIN_HOC(Kind.SPECIFIC_COMPETENCY, "NLDT.TH", "Tin học"),
    THAM_MI(Kind.SPECIFIC_COMPETENCY, "NLDT.TM", "Thẩm mĩ"),
    THE_CHAT(Kind.SPECIFIC_COMPETENCY, "NLDT.TC", "Thể chất");

    /** The three groups the record prints separately. */
    public enum Kind {
        QUALITY("PC", "Phẩm chất chủ yếu"),
        GENERAL_COMPETENCY("NLC", "Năng lực chung"),
        SPECIFIC_COMPETENCY("NLDT", "Năng lực đặc thù");

        private final String nationalCode;
        private final String label;

        Kind(String nationalCode, String label) {
            this.nationalCode = nationalCode;
            this.label = label;
        }

        /** The prefix of the item codes of this group ({@code PC}, {@code NLC}, {@code NLDT}). */
        public String nationalCode() { return nationalCode; }

        public String label() { return label; }
    }

    private final Kind kind;
    private final String nationalCode;
    private final String label;

    Trait(Kind kind, String nationalCode, String label) {
        this.kind = kind;
        this.nationalCode = nationalCode;
        this.label = label;
    }

    public Kind kind() { return kind; }

    public String nationalCode() { return nationalCode; }

    public String label() { return label; }

    public static Trait ofCode(String code) {
        for (Trait t : values()) {
            if (t.nationalCode.equals(code)) return t;
        }
        throw new IllegalArgumentException("no quality or competency with code " + code);
    }
}
