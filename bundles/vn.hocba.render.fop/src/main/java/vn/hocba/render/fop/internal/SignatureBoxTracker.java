package vn.hocba.render.fop.internal;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Paint;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.fop.render.intermediate.IFContext;
import org.apache.fop.render.intermediate.IFDocumentHandler;
import org.apache.fop.render.intermediate.IFException;
import org.apache.fop.render.intermediate.IFPainter;
import org.apache.fop.render.intermediate.util.IFDocumentHandlerProxy;
import org.apache.fop.traits.BorderProps;
import org.apache.fop.traits.RuleStyle;
import org.w3c.dom.Document;

import vn.hocba.render.SignatureBox;
import vn.hocba.render.SignatureRole;

/**
 * Finds where the signature blocks landed while FOP paints the PDF, so the boxes we report are exactly where the
 * form prints them. It sits between FOP's layout and the PDF writer (the intermediate format) and watches the
 * background fill of the block-containers whose id is {@code sig-<ROLE>}; it keeps the coordinate transforms of
 * the painter to turn that rectangle into page coordinates. Templates give these containers a background colour
 * (white is fine) so that FOP paints them.
 * <p>
 * One instance per render; not thread-safe.
 */
final class SignatureBoxTracker extends IFDocumentHandlerProxy {

    static final String ID_PREFIX = "sig-";

    private static final MethodHandle CONTEXT_ID = contextIdAccessor();

    private final Map<SignatureRole, SignatureBox> boxes = new EnumMap<>(SignatureRole.class);
    private int pageNumber;
    private Dimension pageSize;

    SignatureBoxTracker(IFDocumentHandler delegate) {
        super(delegate);
    }

    List<SignatureBox> boxes() {
        return new ArrayList<>(boxes.values());
    }

    @Override
    public void startPage(int index, String name, String pageMasterName, Dimension size) throws IFException {
        pageNumber = index + 1;
        pageSize = size;
        super.startPage(index, name, pageMasterName, size);
    }

    @Override
    public IFPainter startPageContent() throws IFException {
        return new TrackingPainter(super.startPageContent());
    }

    private String currentId() {
        try {
            return (String) CONTEXT_ID.invokeExact(getContext());
        } catch (Throwable e) {
            return null;
        }
    }

    private void noteFill(Rectangle rect, AffineTransform toPage) {
        String id = currentId();
        if (id == null || !id.startsWith(ID_PREFIX)) return;
        SignatureRole role;
        try {
            role = SignatureRole.valueOf(id.substring(ID_PREFIX.length()));
        } catch (IllegalArgumentException unknownRole) {
            return;
        }
        if (boxes.containsKey(role)) return; // the first painting of the id wins
        Rectangle2D r = toPage.createTransformedShape(rect).getBounds2D(); // millipoints, origin top-left
        float x = (float) (r.getX() / 1000.0);
        float width = (float) (r.getWidth() / 1000.0);
        float height = (float) (r.getHeight() / 1000.0);
        float y = (float) ((pageSize.height - r.getMaxY()) / 1000.0); // PDF origin is bottom-left
        if (width > 0 && height > 0) {
            boxes.put(role, new SignatureBox(role, pageNumber, x, y, width, height));
        }
    }

    private static MethodHandle contextIdAccessor() {
        try {
            // IFContext.getID() is package-private in FOP 2.11; the id of the area being painted is what we need.
            Method m = IFContext.class.getDeclaredMethod("getID");
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m)
                    .asType(java.lang.invoke.MethodType.methodType(String.class, IFContext.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this FOP version does not expose the area ids the renderer needs", e);
        }
    }

    /** Delegates every call, keeping the stack of transforms from the page to the current coordinates. */
    private final class TrackingPainter implements IFPainter {
        private final IFPainter d;
        private final Deque<AffineTransform> stack = new ArrayDeque<>();

        TrackingPainter(IFPainter delegate) {
            this.d = delegate;
            stack.push(new AffineTransform());
        }

        private void push(AffineTransform... transforms) {
            AffineTransform t = new AffineTransform(stack.peek());
            for (AffineTransform at : transforms) t.concatenate(at);
            stack.push(t);
        }

        @Override
        public void startViewport(AffineTransform transform, Dimension size, Rectangle clipRect) throws IFException {
            push(transform);
            d.startViewport(transform, size, clipRect);
        }

        @Override
        public void startViewport(AffineTransform[] transforms, Dimension size, Rectangle clipRect)
                throws IFException {
            push(transforms);
            d.startViewport(transforms, size, clipRect);
        }

        @Override
        public void endViewport() throws IFException {
            stack.pop();
            d.endViewport();
        }

        @Override
        public void startGroup(AffineTransform[] transforms, String layer) throws IFException {
            push(transforms);
            d.startGroup(transforms, layer);
        }

        @Override
        public void startGroup(AffineTransform transform, String layer) throws IFException {
            push(transform);
            d.startGroup(transform, layer);
        }

        @Override
        public void endGroup() throws IFException {
            stack.pop();
            d.endGroup();
        }

        @Override
        public void fillRect(Rectangle rect, Paint fill) throws IFException {
            noteFill(rect, stack.peek());
            d.fillRect(rect, fill);
        }

        @Override
        public void setFont(String family, String style, Integer weight, String variant, Integer size, Color color)
                throws IFException {
            d.setFont(family, style, weight, variant, size, color);
        }

        @Override
        public void drawText(int x, int y, int letterSpacing, int wordSpacing, int[][] dp, String text)
                throws IFException {
            d.drawText(x, y, letterSpacing, wordSpacing, dp, text);
        }

        @Override
        public void drawText(int x, int y, int letterSpacing, int wordSpacing, int[][] dp, String text,
                boolean nextIsSpace) throws IFException {
            d.drawText(x, y, letterSpacing, wordSpacing, dp, text, nextIsSpace);
        }

        @Override
        public void clipRect(Rectangle rect) throws IFException {
            d.clipRect(rect);
        }

        @Override
        public void clipBackground(Rectangle rect, BorderProps bpsBefore, BorderProps bpsAfter,
                BorderProps bpsStart, BorderProps bpsEnd) throws IFException {
            d.clipBackground(rect, bpsBefore, bpsAfter, bpsStart, bpsEnd);
        }

        @Override
        public boolean isBackgroundRequired(BorderProps bpsBefore, BorderProps bpsAfter, BorderProps bpsStart,
                BorderProps bpsEnd) {
            return d.isBackgroundRequired(bpsBefore, bpsAfter, bpsStart, bpsEnd);
        }

        @Override
        public void drawBorderRect(Rectangle rect, BorderProps top, BorderProps bottom, BorderProps left,
                BorderProps right, Color innerBackgroundColor) throws IFException {
            d.drawBorderRect(rect, top, bottom, left, right, innerBackgroundColor);
        }

        @Override
        public void drawLine(Point start, Point end, int width, Color color, RuleStyle style) throws IFException {
            d.drawLine(start, end, width, color, style);
        }

        @Override
        public void drawImage(String uri, Rectangle rect) throws IFException {
            d.drawImage(uri, rect);
        }

        @Override
        public void drawImage(Document doc, Rectangle rect) throws IFException {
            d.drawImage(doc, rect);
        }
    }
}
