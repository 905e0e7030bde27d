package vn.hocba.rules;

/** How bad a {@link Problem} is: an error blocks storing or signing; a warning is shown and allows drafting. */
public enum Severity {
    ERROR("Lỗi"),
    WARNING("Cảnh báo");

    private final String label;

    Severity(String label) { this.label = label; }

    /** The Vietnamese word shown to teachers. */
    public String label() { return label; }
}
