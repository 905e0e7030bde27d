package vn.hocba.render.fop.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.fop.configuration.Configuration;
import org.apache.fop.configuration.ConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An immutable copy of FOP's configuration tree. FOP keeps its configuration as a live DOM and reads it again for
 * every document; a DOM is not safe for concurrent reads (its node-list cache is shared mutable state), which made
 * parallel renders fail at random. This copy reproduces the semantics of FOP's {@code DefaultConfiguration} and
 * {@code NullConfiguration} on plain immutable fields.
 */
final class FrozenConfiguration implements Configuration {

    /** What FOP's NullConfiguration answers: a missing element with no value. */
    private static final FrozenConfiguration MISSING = new FrozenConfiguration(null, "<no-location>", Map.of(), null,
            List.of());

    private final String name;
    private final String location;
    private final Map<String, String> attributes;
    private final String text; // null only for MISSING
    private final List<FrozenConfiguration> children;

    private FrozenConfiguration(String name, String location, Map<String, String> attributes, String text,
            List<FrozenConfiguration> children) {
        this.name = name;
        this.location = location;
        this.attributes = attributes;
        this.text = text;
        this.children = children;
    }

    static FrozenConfiguration of(Element element) {
        return of(element, element.getTagName());
    }

    private static FrozenConfiguration of(Element element, String location) {
        Map<String, String> attrs = new LinkedHashMap<>();
        NamedNodeMap nnm = element.getAttributes();
        for (int i = 0; i < nnm.getLength(); i++) attrs.put(nnm.item(i).getNodeName(), nnm.item(i).getNodeValue());
        List<FrozenConfiguration> kids = new ArrayList<>();
        NodeList nl = element.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            Node n = nl.item(i);
            if (n instanceof Element child) kids.add(of(child, location + "/" + child.getTagName()));
        }
        String content = element.getTextContent();
        return new FrozenConfiguration(element.getTagName(), location, Map.copyOf(attrs),
                content == null ? "" : content, List.copyOf(kids));
    }

    private boolean missing() {
        return this == MISSING;
    }

    @Override
    public Configuration getChild(String key) {
        for (FrozenConfiguration c : children) {
            if (c.name.equals(key)) return c;
        }
        return MISSING;
    }

    @Override
    public Configuration getChild(String key, boolean required) {
        Configuration c = getChild(key);
        return c == MISSING && !required ? null : c;
    }

    @Override
    public Configuration[] getChildren(String key) {
        return children.stream().filter(c -> c.name.equals(key)).toArray(Configuration[]::new);
    }

    @Override
    public String[] getAttributeNames() {
        return attributes.keySet().toArray(new String[0]);
    }

    @Override
    public String getAttribute(String key) throws ConfigurationException {
        if (missing()) return "";
        String v = attributes.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    @Override
    public String getAttribute(String key, String defaultValue) {
        String v = attributes.get(key);
        return v == null || v.isEmpty() ? defaultValue : v;
    }

    @Override
    public boolean getAttributeAsBoolean(String key, boolean defaultValue) {
        String v = attributes.get(key);
        if (v == null || v.isEmpty()) return defaultValue;
        return "true".equalsIgnoreCase(v) || "yes".equalsIgnoreCase(v);
    }

    @Override
    public float getAttributeAsFloat(String key) throws ConfigurationException {
        if (missing()) return 0;
        String v = attributes.get(key);
        if (v == null) throw new ConfigurationException("No attribute " + key + " in " + location);
        return Float.parseFloat(v);
    }

    @Override
    public float getAttributeAsFloat(String key, float defaultValue) {
        String v = attributes.get(key);
        return v == null || v.isEmpty() ? defaultValue : Float.parseFloat(v);
    }

    @Override
    public int getAttributeAsInteger(String key, int defaultValue) {
        String v = attributes.get(key);
        return v == null || v.isEmpty() ? defaultValue : Integer.parseInt(v);
    }

    @Override
    public String getValue() throws ConfigurationException {
        if (missing() || text.isEmpty()) throw new ConfigurationException("No value in " + location);
        return text;
    }

    @Override
    public String getValue(String defaultValue) {
        return missing() || text.isEmpty() ? defaultValue : text;
    }

    @Override
    public boolean getValueAsBoolean() throws ConfigurationException {
        return !missing() && Boolean.parseBoolean(text);
    }

    @Override
    public boolean getValueAsBoolean(boolean defaultValue) {
        if (missing() || text.trim().isEmpty()) return defaultValue;
        return Boolean.parseBoolean(text.trim());
    }

    @Override
    public int getValueAsInteger() throws ConfigurationException {
        if (missing()) return 0;
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Not an integer", e);
        }
    }

    @Override
    public int getValueAsInteger(int defaultValue) {
        return missing() || text.isEmpty() ? defaultValue : Integer.parseInt(text);
    }

    @Override
    public float getValueAsFloat() throws ConfigurationException {
        if (missing()) return 0;
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Not a float", e);
        }
    }

    @Override
    public float getValueAsFloat(float defaultValue) {
        return missing() || text.isEmpty() ? defaultValue : Float.parseFloat(text);
    }

    @Override
    public String getLocation() {
        return location;
    }
}
