package vn.hocba.store;

/** The two equally valid artefacts of an issued record (HOCBA.md §7). */
public enum ArtefactKind {
    /** The PDF/A-3 for people, with PAdES signatures. */
    PDF,
    /** The XML data file for machines, with XAdES signatures. */
    XML
}
