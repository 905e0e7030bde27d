package vn.hocba.signing;

/**
 * Where a visible signature goes: a rectangle on a page, in PDF points (1/72 in), origin at the lower-left
 * corner of the page's media box — as the renderer laid out the form's signature boxes.
 *
 * @param page   the page number, 1-based
 * @param x      left edge
 * @param y      bottom edge
 * @param width  width, &gt; 0
 * @param height height, &gt; 0
 */
public record SignatureBox(int page, float x, float y, float width, float height) {

    public SignatureBox {
        if (page < 1) {
            throw new IllegalArgumentException("page numbers start at 1: " + page);
        }
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a signature box needs a positive width and height");
        }
    }
}
