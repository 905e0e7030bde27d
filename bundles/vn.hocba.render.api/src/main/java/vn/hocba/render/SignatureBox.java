package vn.hocba.render;

import java.util.Objects;

/**
 * Where the form has room for a signature: a rectangle on a page, in PDF points (1/72 in), origin at the
 * lower-left corner of the page's media box, exactly where the template printed the signature block.
 *
 * @param page   1-based page number
 * @param x      left edge
 * @param y      bottom edge
 * @param width  &gt; 0
 * @param height &gt; 0
 */
public record SignatureBox(SignatureRole role, int page, float x, float y, float width, float height) {

    public SignatureBox {
        Objects.requireNonNull(role, "role");
        if (page < 1) throw new IllegalArgumentException("page numbers start at 1: " + page);
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a signature box needs a positive width and height");
        }
    }
}
