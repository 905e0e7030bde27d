package vn.hocba.export.moet.internal.pkg;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import vn.hocba.export.ManifestEntry;
import vn.hocba.export.ManifestRecord;
import vn.hocba.export.PackageManifest;

/**
 * The manifest of a package as XML ({@value #NAMESPACE}): the same manifest always gives the same bytes, which the
 * school seal signs (detached CMS in {@link PackageManifest#SIGNATURE_PATH}).
 *
 * <pre>
 * &lt;package xmlns="urn:hocba:package:1" format="hocba-package/1" id="…"&gt;
 *   &lt;school code="…" name="…"/&gt;
 *   &lt;schema exporter="moet-tieuhoc-1.0" namespace="urn:hocba:moet:hocbaso-tieuhoc:1.0" version="1.0"/&gt;
 *   &lt;record id="…" version="1" pupilCode="…" personalId="…" schoolYear="2024-2025" grade="3" xml="records/….xml" pdf="records/….pdf"/&gt;
 *   &lt;entry path="records/….pdf" size="…" sha256="…"/&gt;
 * &lt;/package&gt;
 * </pre>
 */
public final class ManifestXml {

    public static final String NAMESPACE = "urn:hocba:package:1";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private ManifestXml() {}

    public static byte[] write(PackageManifest m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("package");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("format", m.format());
            w.writeAttribute("id", m.packageId());
            w.writeCharacters("\n  ");
            w.writeEmptyElement("school");
            w.writeAttribute("code", nfc(m.schoolCode()));
            w.writeAttribute("name", nfc(m.schoolName()));
            w.writeCharacters("\n  ");
            w.writeEmptyElement("schema");
            w.writeAttribute("exporter", m.exporterId());
            w.writeAttribute("namespace", m.schemaNamespace());
            w.writeAttribute("version", m.schemaVersion());
            for (ManifestRecord r : m.records()) {
                w.writeCharacters("\n  ");
                w.writeEmptyElement("record");
                w.writeAttribute("id", nfc(r.recordId()));
                w.writeAttribute("version", Integer.toString(r.version()));
                w.writeAttribute("pupilCode", nfc(r.pupilCode()));
                w.writeAttribute("personalId", r.personalId());
                w.writeAttribute("schoolYear", r.schoolYear());
                w.writeAttribute("grade", Integer.toString(r.grade()));
                w.writeAttribute("xml", r.xmlPath());
                w.writeAttribute("pdf", r.pdfPath());
            }
            for (ManifestEntry e : m.entries()) {
                w.writeCharacters("\n  ");
                w.writeEmptyElement("entry");
                w.writeAttribute("path", e.path());
                w.writeAttribute("size", Long.toString(e.size()));
                w.writeAttribute("sha256", e.sha256());
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are not a manifest of this format */
    public static PackageManifest read(byte[] xml) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document d = builder.parse(new ByteArrayInputStream(xml));
            root = d.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("the manifest is not well-formed XML: " + e.getMessage(), e);
        }
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"package".equals(root.getLocalName())
                || !PackageManifest.FORMAT.equals(root.getAttribute("format"))) {
            throw new IllegalArgumentException("not a " + PackageManifest.FORMAT + " manifest");
        }
        Element school = one(root, "school");
        Element schema = one(root, "schema");
        List<ManifestRecord> records = new ArrayList<>();
        List<ManifestEntry> entries = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !NAMESPACE.equals(e.getNamespaceURI())) continue;
            try {
                switch (e.getLocalName()) {
                    case "record" -> records.add(new ManifestRecord(required(e, "id"),
                            Integer.parseInt(required(e, "version")), e.getAttribute("pupilCode"),
                            e.getAttribute("personalId"), e.getAttribute("schoolYear"),
                            Integer.parseInt(required(e, "grade")), required(e, "xml"), e.getAttribute("pdf")));
                    case "entry" -> entries.add(new ManifestEntry(required(e, "path"),
                            Long.parseLong(required(e, "size")), required(e, "sha256")));
                    default -> { }
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("a number in the manifest is wrong: " + ex.getMessage(), ex);
            }
        }
        return new PackageManifest(root.getAttribute("format"), required(root, "id"), required(school, "code"),
                school.getAttribute("name"), required(schema, "exporter"), required(schema, "namespace"),
                required(schema, "version"), records, entries);
    }

    private static Element one(Element root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("the manifest has no <" + name + ">");
    }

    private static String required(Element e, String attribute) {
        String v = e.getAttribute(attribute);
        if (v.isEmpty()) {
            throw new IllegalArgumentException("<" + e.getLocalName() + "> has no " + attribute);
        }
        return nfc(v);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
