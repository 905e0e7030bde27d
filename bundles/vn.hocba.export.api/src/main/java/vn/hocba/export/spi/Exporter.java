package vn.hocba.export.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import vn.hocba.export.ExportException;
import vn.hocba.export.Signatory;
import vn.hocba.model.YearRecord;

/**
 * Writes and reads the XML data file of a record version in one exchange schema (one implementation per schema
 * version or per province platform). The XML is the document the signers then sign (XAdES enveloped), so the same
 * record and signatories always give the same bytes. Implementations are thread-safe.
 */
@ConsumerType
public interface Exporter {

    /** Stable id used in configuration, e.g. {@code moet-tieuhoc-1.0}. */
    String id();

    /** The XML namespace of the record files, e.g. {@code urn:hocba:moet:hocbaso-tieuhoc:1.0}. */
    String schemaNamespace();

    /** The schema version, e.g. {@code 1.0}. */
    String schemaVersion();

    /** The XML Schema (XSD) the files validate against, as published. */
    byte[] schema();

    /**
     * The record's XML, UTF-8, NFC, unsigned.
     *
     * @param signatories who signs it, in signing order (homeroom teacher, principal or deputy, seal)
     */
    byte[] toXml(YearRecord record, List<Signatory> signatories);

    /**
     * Reads a record's XML (signed or not) back; signatures are ignored here.
     *
     * @throws ExportException if the XML is not valid against {@link #schema()}
     */
    ParsedRecord fromXml(byte[] xml);

    /** Schema problems of an XML file (with line numbers); empty when valid. */
    List<String> validate(byte[] xml);
}
