package vn.hocba.store;

import vn.hocba.model.Text;

/** One version of one year record, inside a school scope. */
public record RecordRef(String recordId, int version) {
    public RecordRef {
        recordId = Text.required(recordId, "ref.recordId");
        if (version < 1) throw new IllegalArgumentException("ref.version starts at 1: " + version);
    }

    @Override
    public String toString() {
        return recordId + "/v" + version;
    }
}
