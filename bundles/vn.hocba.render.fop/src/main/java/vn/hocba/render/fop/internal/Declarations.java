package vn.hocba.render.fop.internal;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.hocba.model.YearRecord;
import vn.hocba.render.EmbeddedData;

/**
 * The {@code fo:declarations} the renderer adds to every template's output: the XMP metadata (Dublin Core plus
 * the {@code hocba} properties, declared by a PDF/A extension schema as PDF/A requires) and the attached data.
 * FOP marks the attachment as a PDF/A-3 associated file with {@code AFRelationship /Data} and lists it in the
 * catalogue's {@code /AF}.
 */
final class Declarations {

    static final String FO = "http://www.w3.org/1999/XSL/Format";
    static final String XMP_NAMESPACE = "urn:hocba:xmp:1#";

    private Declarations() {}

    static String of(YearRecord record, EmbeddedData data, String dataSha256, String verificationUrl) {
        Map<String, String[]> props = new LinkedHashMap<>();
        props.put("recordId", new String[] {record.recordId(), "Text", "Stable id of the pupil's year record"});
        props.put("recordVersion", new String[] {Integer.toString(record.version()), "Integer",
                "Version of the record, from 1"});
        props.put("pupilName", new String[] {record.pupil().fullName(), "Text", "Pupil's full name"});
        props.put("pupilCode", new String[] {record.pupil().pupilCode(), "Text", "Sector pupil code"});
        props.put("schoolCode", new String[] {record.school().code(), "Text", "School code"});
        props.put("schoolName", new String[] {record.school().name(), "Text", "School name"});
        props.put("schoolYear", new String[] {record.year().toString(), "Text", "School year, e.g. 2024-2025"});
        props.put("grade", new String[] {Integer.toString(record.schoolClass().grade()), "Integer", "Grade 1 to 5"});
        props.put("className", new String[] {record.schoolClass().name(), "Text", "Class name"});
        props.put("dataSha256", new String[] {dataSha256, "Text", "SHA-256 of the attached data file, hex"});
        props.put("verificationUrl", new String[] {verificationUrl, "URI", "Where to verify this record"});

        String title = "Học bạ số tiểu học – " + record.pupil().fullName() + " – Lớp " + record.schoolClass().name()
                + " – Năm học " + record.year();
        StringBuilder x = new StringBuilder(4096);
        x.append("<fo:declarations xmlns:fo=\"").append(FO).append("\">");
        x.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">");
        x.append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">")
                .append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(title))
                .append("</rdf:li></rdf:Alt></dc:title>")
                .append("<dc:creator><rdf:Seq><rdf:li>").append(esc(record.school().name()))
                .append("</rdf:li></rdf:Seq></dc:creator>")
                .append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">")
                .append(esc("Học bạ của " + record.pupil().fullName() + ", " + record.school().name()
                        + ", năm học " + record.year() + ", mã hồ sơ " + record.recordId() + ", phiên bản "
                        + record.version()))
                .append("</rdf:li></rdf:Alt></dc:description>")
                .append("<dc:identifier>").append(esc("urn:hocba:record:" + record.recordId() + ":v"
                        + record.version())).append("</dc:identifier>")
                .append("<dc:language><rdf:Bag><rdf:li>vi</rdf:li></rdf:Bag></dc:language>")
                .append("</rdf:Description>");
        x.append("<rdf:Description rdf:about=\"\" xmlns:hocba=\"").append(XMP_NAMESPACE).append("\">");
        props.forEach((name, v) -> x.append("<hocba:").append(name).append('>').append(esc(v[0]))
                .append("</hocba:").append(name).append('>'));
        x.append("</rdf:Description>");
        x.append("<rdf:Description rdf:about=\"\"")
                .append(" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
                .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"")
                .append(" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">")
                .append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">")
                .append("<pdfaSchema:schema>hocba digital primary-school record</pdfaSchema:schema>")
                .append("<pdfaSchema:namespaceURI>").append(XMP_NAMESPACE).append("</pdfaSchema:namespaceURI>")
                .append("<pdfaSchema:prefix>hocba</pdfaSchema:prefix>")
                .append("<pdfaSchema:property><rdf:Seq>");
        props.forEach((name, v) -> x.append("<rdf:li rdf:parseType=\"Resource\">")
                .append("<pdfaProperty:name>").append(name).append("</pdfaProperty:name>")
                .append("<pdfaProperty:valueType>").append(v[1]).append("</pdfaProperty:valueType>")
                .append("<pdfaProperty:category>external</pdfaProperty:category>")
                .append("<pdfaProperty:description>").append(esc(v[2])).append("</pdfaProperty:description>")
                .append("</rdf:li>"));
        x.append("</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>")
                .append("</rdf:Description>");
        x.append("</rdf:RDF></x:xmpmeta>");
        x.append("<pdf:embedded-file xmlns:pdf=\"http://xmlgraphics.apache.org/fop/extensions/pdf\"")
                .append(" filename=\"").append(esc(data.fileName())).append('"')
                .append(" description=\"").append(esc(data.description())).append('"')
                .append(" src=\"data:").append(data.mimeType()).append(";base64,")
                .append(Base64.getEncoder().encodeToString(data.bytes())).append("\"/>");
        x.append("</fo:declarations>");
        return x.toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
