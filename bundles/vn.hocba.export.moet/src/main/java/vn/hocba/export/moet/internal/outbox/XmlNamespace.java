package vn.hocba.export.moet.internal.outbox;

import java.io.ByteArrayInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The namespace of an XML document's root element, read without parsing the rest (the JDK's StAX). */
public final class XmlNamespace {

    private static final XMLInputFactory INPUT = newFactory();

    private XmlNamespace() {}

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /** The root's namespace, or empty if the bytes are not XML. */
    public static String of(byte[] xml) {
        try {
            XMLStreamReader r = INPUT.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamReader.START_ELEMENT) {
                        String ns = r.getNamespaceURI();
                        return ns == null ? "" : ns;
                    }
                }
                return "";
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            return "";
        }
    }
}
