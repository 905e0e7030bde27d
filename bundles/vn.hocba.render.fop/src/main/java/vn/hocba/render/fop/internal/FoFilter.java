package vn.hocba.render.fop.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Stands between a template's XSLT output and FOP and enforces what every printed record needs, whatever the
 * template: the renderer's {@code fo:declarations} (XMP, attachment) right after {@code fo:layout-master-set}, an
 * embedded default font on {@code fo:root}, and {@code template:} URIs pointing into the template's own bundle.
 */
final class FoFilter extends XMLFilterImpl {

    static final String DEFAULT_FONT_FAMILY = "Liberation Serif";

    private static final Pattern TEMPLATE_URI = Pattern.compile("(url\\(\\s*['\"]?)?template:");
    private static final SAXParserFactory PARSERS = newParserFactory();

    private final String declarations;
    private final String templateId;

    FoFilter(ContentHandler fop, String declarations, String templateId) {
        this.declarations = declarations;
        this.templateId = templateId;
        setContentHandler(fop);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (Declarations.FO.equals(uri) && "declarations".equals(localName)) {
            throw new SAXException("the template writes fo:declarations; the renderer adds them itself");
        }
        AttributesImpl rewritten = null;
        for (int i = 0; i < atts.getLength(); i++) {
            String value = atts.getValue(i);
            if (value.contains("template:")) {
                if (rewritten == null) rewritten = new AttributesImpl(atts);
                Matcher m = TEMPLATE_URI.matcher(value);
                rewritten.setValue(i, m.replaceAll(r -> Matcher.quoteReplacement(
                        (r.group(1) == null ? "" : r.group(1)) + BundleResourceResolver.TEMPLATE_SCHEME + ":"
                                + templateId + "/")));
            }
        }
        if (Declarations.FO.equals(uri) && "root".equals(localName) && atts.getIndex("", "font-family") < 0) {
            if (rewritten == null) rewritten = new AttributesImpl(atts);
            rewritten.addAttribute("", "font-family", "font-family", "CDATA", DEFAULT_FONT_FAMILY);
        }
        super.startElement(uri, localName, qName, rewritten == null ? atts : rewritten);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        super.endElement(uri, localName, qName);
        if (Declarations.FO.equals(uri) && "layout-master-set".equals(localName)) {
            emitDeclarations();
        }
    }

    private void emitDeclarations() throws SAXException {
        XMLReader reader;
        try {
            reader = PARSERS.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
        XMLFilterImpl fragment = new XMLFilterImpl() {
            @Override
            public void startDocument() {
                // inside the FO document already
            }

            @Override
            public void endDocument() {
                // inside the FO document already
            }
        };
        fragment.setContentHandler(getContentHandler());
        reader.setContentHandler(fragment);
        try {
            reader.parse(new InputSource(new StringReader(declarations)));
        } catch (IOException e) {
            throw new SAXException(e);
        }
    }

    private static SAXParserFactory newParserFactory() {
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        return f;
    }
}
