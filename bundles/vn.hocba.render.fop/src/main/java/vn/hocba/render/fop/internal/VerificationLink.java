package vn.hocba.render.fop.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The verification link printed in the QR code: {@code <base>?id=<record id>&v=<version>&h=<sha-256 hex>}. */
final class VerificationLink {

    private VerificationLink() {}

    static String of(String baseUrl, String recordId, int version, String sha256Hex) {
        String base = baseUrl.strip();
        String sep = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return base + sep + "id=" + URLEncoder.encode(recordId, StandardCharsets.UTF_8) + "&v=" + version + "&h="
                + sha256Hex;
    }
}
