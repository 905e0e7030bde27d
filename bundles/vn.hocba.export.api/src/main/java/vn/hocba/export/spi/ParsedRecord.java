package vn.hocba.export.spi;

import java.util.List;

import vn.hocba.export.Signatory;
import vn.hocba.model.YearRecord;

/** A record read back from an exporter's XML, with the signatories the XML names. */
public record ParsedRecord(YearRecord record, List<Signatory> signatories) {
    public ParsedRecord {
        signatories = List.copyOf(signatories);
    }
}
