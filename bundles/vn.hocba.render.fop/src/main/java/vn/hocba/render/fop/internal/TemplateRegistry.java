package vn.hocba.render.fop.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.transform.Templates;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamSource;

import vn.hocba.render.RenderException;
import vn.hocba.render.spi.RenderTemplate;

/**
 * The templates available now, by id, each compiled once (a compiled XSLT is thread-safe) on first use.
 * A template that goes away takes its compiled form with it; a new service with the same id is compiled afresh.
 */
public final class TemplateRegistry {

    private final Map<String, RenderTemplate> templates = new ConcurrentHashMap<>();
    private final Map<RenderTemplate, Templates> compiled = new ConcurrentHashMap<>();

    public void add(RenderTemplate template) {
        templates.put(template.id(), template);
    }

    public void remove(RenderTemplate template) {
        templates.remove(template.id(), template);
        compiled.remove(template);
    }

    public RenderTemplate get(String id) {
        return templates.get(id);
    }

    public Set<String> ids() {
        return new TreeSet<>(templates.keySet());
    }

    /** The compiled stylesheet of the template with this id. */
    public Templates compiled(String id) {
        RenderTemplate template = templates.get(id);
        if (template == null) {
            throw new RenderException("Không có mẫu học bạ \"" + id + "\"",
                    "No record template with id \"" + id + "\"");
        }
        return compiled.computeIfAbsent(template, TemplateRegistry::compile);
    }

    private static Templates compile(RenderTemplate template) {
        // The JDK's own XSLT processor: present in every framework, no service lookup that OSGi could confuse.
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        String base = BundleResourceResolver.TEMPLATE_SCHEME + ":" + template.id() + "/";
        // xsl:include and xsl:import of the template's other files come from its bundle too
        factory.setURIResolver((href, from) -> {
            String path = href.startsWith(base) ? href.substring(base.length()) : href;
            if (path.contains(":") || path.contains("..")) {
                throw new TransformerException("a template may only include its own files: " + href);
            }
            try {
                InputStream in = template.openResource(path);
                if (in == null) throw new TransformerException("no file " + path + " in template " + template.id());
                return new StreamSource(in, base + path);
            } catch (IOException e) {
                throw new TransformerException(e);
            }
        });
        try (InputStream xsl = template.openStylesheet()) {
            if (xsl == null) throw new IOException("the template has no stylesheet");
            return factory.newTemplates(new StreamSource(xsl, base));
        } catch (IOException | TransformerConfigurationException e) {
            throw new RenderException("Mẫu học bạ \"" + template.id() + "\" bị lỗi: " + e.getMessage(),
                    "Record template \"" + template.id() + "\" is broken: " + e.getMessage(), e);
        }
    }
}
