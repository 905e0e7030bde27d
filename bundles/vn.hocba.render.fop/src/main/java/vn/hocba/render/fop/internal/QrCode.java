package vn.hocba.render.fop.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as SVG path data, so that templates draw it as vector graphics at any size.
 *
 * @param modules the width (= height) in modules, without quiet zone
 * @param path    SVG path data of the dark modules in a {@code 0 0 modules modules} view box
 * @param png     the same code as a 1-bit PNG, one pixel per module, with a white quiet zone of 4 modules
 */
public record QrCode(String text, int modules, String path, byte[] png) {

    static final int QUIET_ZONE = 4;

    /** The PNG as a {@code data:} URI, which FOP reads itself; the image is laid out once per document. */
    public String pngDataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.MARGIN, 0);

    public static QrCode encode(String text) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR code: " + text, e);
        }
        // One rectangle per horizontal run of dark modules keeps the path short.
        StringBuilder d = new StringBuilder(m.getWidth() * m.getHeight());
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < m.getWidth()) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < m.getWidth() && m.get(x, y)) x++;
                d.append('M').append(start).append(' ').append(y)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return new QrCode(text, m.getWidth(), d.toString(), png(m));
    }

    private static byte[] png(BitMatrix m) {
        int size = m.getWidth() + 2 * QUIET_ZONE;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int mx = x - QUIET_ZONE;
                int my = y - QUIET_ZONE;
                boolean dark = mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my);
                img.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            if (!ImageIO.write(img, "png", out)) throw new IllegalStateException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
