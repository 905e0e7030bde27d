package vn.hocba.signing;

/** The two equally valid artefacts of an issued record. */
public enum DocumentFormat {
    PDF,
    XML
}
