package vn.hocba.export.moet.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import vn.hocba.export.ExportException;
import vn.hocba.export.Signatory;
import vn.hocba.export.spi.Exporter;
import vn.hocba.export.spi.ParsedRecord;
import vn.hocba.model.YearRecord;

/**
 * The primary record in our published schema 1.0 ({@code urn:hocba:moet:hocbaso-tieuhoc:1.0}, the XSD at
 * {@code /schema/hocbaso-tieuhoc-1.0.xsd} in this bundle), with the sector data catalogue's names.
 */
@Component(service = Exporter.class, property = "exporter.id=" + MoetNames.EXPORTER_ID)
public class MoetExporter implements Exporter {

    private final SchemaCheck schema = new SchemaCheck(MoetNames.SCHEMA_RESOURCE);

    @Override
    public String id() {
        return MoetNames.EXPORTER_ID;
    }

    @Override
    public String schemaNamespace() {
        return MoetNames.NAMESPACE;
    }

    @Override
    public String schemaVersion() {
        return MoetNames.SCHEMA_VERSION;
    }

    @Override
    public byte[] schema() {
        return schema.xsd();
    }

    @Override
    public byte[] toXml(YearRecord record, List<Signatory> signatories) {
        return MoetXmlWriter.write(record, signatories);
    }

    @Override
    public ParsedRecord fromXml(byte[] xml) {
        List<String> problems = schema.problems(xml);
        if (!problems.isEmpty()) {
            throw new ExportException("Tệp XML không đúng lược đồ " + MoetNames.NAMESPACE + ": " + problems.get(0),
                    "The XML does not match schema " + MoetNames.NAMESPACE + ": " + problems.get(0));
        }
        try {
            return MoetXmlReader.read(xml);
        } catch (IllegalArgumentException e) {
            throw new ExportException("Không đọc được học bạ trong tệp XML: " + e.getMessage(),
                    "Cannot read the record from the XML: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> validate(byte[] xml) {
        return schema.problems(xml);
    }
}
