package vn.hocba.render.fop.internal;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;

import vn.hocba.render.spi.RenderTemplate;

/**
 * Serves FOP everything it reads, from class loaders only, never from files or the network:
 * <ul>
 * <li>{@code hocba-font:liberation/LiberationSerif-Regular.ttf}: fonts of this bundle, read once and kept in
 * memory (each document embeds a subset, so they are read on every render);</li>
 * <li>{@code hocba-template:<templateId>/<path>}: a file of a template, from its bundle.</li>
 * </ul>
 * FOP handles {@code data:} URIs itself. Anything else is refused: a template cannot make the server fetch URLs.
 */
final class BundleResourceResolver implements ResourceResolver {

    static final String FONT_SCHEME = "hocba-font";
    static final String TEMPLATE_SCHEME = "hocba-template";

    private final ClassLoader fonts;
    private final Function<String, RenderTemplate> templates;
    private final Map<String, byte[]> fontBytes = new ConcurrentHashMap<>();

    BundleResourceResolver(ClassLoader fonts, Function<String, RenderTemplate> templates) {
        this.fonts = fonts;
        this.templates = templates;
    }

    @Override
    public Resource getResource(URI uri) throws IOException {
        String scheme = uri.getScheme();
        if (FONT_SCHEME.equals(scheme)) {
            return new Resource(new ByteArrayInputStream(font(uri.getSchemeSpecificPart())));
        }
        if (TEMPLATE_SCHEME.equals(scheme)) {
            String ssp = uri.getSchemeSpecificPart();
            int slash = ssp.indexOf('/');
            if (slash > 0) {
                RenderTemplate template = templates.apply(ssp.substring(0, slash));
                InputStream in = template == null ? null : template.openResource(ssp.substring(slash + 1));
                if (in != null) return new Resource(in);
            }
        }
        throw new FileNotFoundException("not available to the renderer: " + uri);
    }

    @Override
    public OutputStream getOutputStream(URI uri) throws IOException {
        throw new IOException("the renderer writes no files: " + uri);
    }

    private byte[] font(String path) throws IOException {
        byte[] cached = fontBytes.get(path);
        if (cached != null) return cached;
        if (!path.matches("[A-Za-z0-9_/-]+\\.ttf")) throw new FileNotFoundException("not a font path: " + path);
        try (InputStream in = fonts.getResourceAsStream(path)) {
            if (in == null) throw new FileNotFoundException("font not in the bundle: " + path);
            byte[] bytes = in.readAllBytes();
            fontBytes.putIfAbsent(path, bytes);
            return bytes;
        }
    }
}
