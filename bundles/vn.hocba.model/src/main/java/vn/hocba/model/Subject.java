package vn.hocba.model;

/**
 * A subject or educational activity of the 2018 primary programme (môn học và hoạt động giáo dục).
 * Which grades have it, and whether it is tested, is curriculum data (see {@link Curriculum}), not fixed here.
 */
public enum Subject {
    TV("TV", "Tiếng Việt"),
    TOAN("TOAN", "Toán"),
    NN1("NN1", "Ngoại ngữ 1"),
    DD("DD", "Đạo đức"),
    TNXH("TNXH", "Tự nhiên và Xã hội"),
    LSDL("LSDL", "Lịch sử và Địa lí"),
    KH("KH", "Khoa học"),
    THCN("THCN", "Tin học và Công nghệ"),
    GDTC("GDTC", "Giáo dục thể chất"),
    AN("AN", "Nghệ thuật (Âm nhạc)"),
    MT("MT", "Nghệ thuật (Mĩ thuật)"),
    HDTN("HDTN", "Hoạt động trải nghiệm"),
    TDT("TDT", "Tiếng dân tộc thiểu số");

    private final String nationalCode;
    private final String label;

    Subject(String nationalCode, String label) {
        this.nationalCode = nationalCode;
        this.label = label;
    }

    /** The subject code (mamonhoc) used in imports and in the national export. */
    public String nationalCode() { return nationalCode; }

    /** The Vietnamese name printed on the record. */
    public String label() { return label; }

    public static Subject ofCode(String code) {
        for (Subject s : values()) {
            if (s.nationalCode.equals(code)) return s;
        }
        throw new IllegalArgumentException("no subject with code " + code);
    }
}
