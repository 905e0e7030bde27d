package vn.hocba.signing;

/** ETSI baseline levels (PAdES EN 319 142-1, XAdES EN 319 132-1), lowest first. */
public enum BaselineLevel {
    /** Basic signature. */
    B_B,
    /** With an RFC 3161 time-stamp over the signature value. */
    B_T,
    /** With the validation material (certificates, CRLs, OCSP responses) in the document. */
    B_LT,
    /** With an archive (document) time-stamp over all of it. */
    B_LTA;

    /** E.g. {@code PAdES-BASELINE-LT}, as EU DSS names it. */
    public String etsiName(DocumentFormat format) {
        return (format == DocumentFormat.PDF ? "PAdES" : "XAdES") + "-BASELINE-" + name().substring(2);
    }
}
