package vn.hocba.export.moet.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validation against the bundle's XSD with the JDK's own validator (never another bundle's JAXP implementation). The
 * compiled schema is thread-safe; a validator is made per call.
 */
final class SchemaCheck {

    private final byte[] xsd;
    private final Schema schema;

    SchemaCheck(String resource) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("schema missing from the bundle: " + resource);
            xsd = in.readAllBytes();
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            StreamSource source = new StreamSource(new ByteArrayInputStream(xsd));
            source.setSystemId("hocba:" + resource);
            schema = factory.newSchema(source);
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot load the schema " + resource, e);
        }
    }

    byte[] xsd() {
        return xsd.clone();
    }

    /** Every problem with its line and column; empty when the XML is valid. */
    List<String> problems(byte[] xml) {
        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override public void warning(SAXParseException e) { }
                @Override public void error(SAXParseException e) { problems.add(describe(e)); }
                @Override public void fatalError(SAXParseException e) { problems.add(describe(e)); }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            if (problems.isEmpty()) problems.add(describe(e));
        } catch (SAXException | IOException e) {
            problems.add(String.valueOf(e.getMessage()));
        }
        return List.copyOf(problems);
    }

    private static String describe(SAXParseException e) {
        return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
    }
}
