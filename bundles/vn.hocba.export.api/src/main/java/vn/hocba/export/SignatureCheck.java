package vn.hocba.export;

/**
 * One verified signature as a transfer report shows it.
 *
 * @param document   {@code manifest}, or the entry path of the XML or PDF
 * @param role       the signer's role when known ({@code HOMEROOM_TEACHER}, {@code PRINCIPAL}, …), else empty
 * @param signerName the signer certificate's common name
 * @param subject    the signer certificate's subject DN
 * @param indication {@code TOTAL_PASSED}, {@code INDETERMINATE} or {@code TOTAL_FAILED}
 * @param detail     the level reached, or why it failed
 */
public record SignatureCheck(String document, String role, String signerName, String subject, String indication,
        String detail) {

    public boolean passed() {
        return "TOTAL_PASSED".equals(indication);
    }
}
