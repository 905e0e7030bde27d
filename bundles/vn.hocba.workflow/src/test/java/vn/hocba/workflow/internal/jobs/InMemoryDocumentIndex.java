package vn.hocba.workflow.internal.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link DocumentIndex} in memory, for tests. */
public final class InMemoryDocumentIndex implements DocumentIndex {

    private final Map<String, List<Box>> boxes = new ConcurrentHashMap<>();
    private final Map<String, IssuedDocument> issued = new ConcurrentHashMap<>();
    private final Map<String, String> notes = new ConcurrentHashMap<>();

    @Override
    public void putBoxes(String schoolCode, String recordId, int version, List<Box> b) {
        boxes.put(schoolCode + "/" + recordId + "/" + version, List.copyOf(b));
    }

    @Override
    public List<Box> boxes(String schoolCode, String recordId, int version) {
        return boxes.getOrDefault(schoolCode + "/" + recordId + "/" + version, List.of());
    }

    @Override
    public void putIssued(IssuedDocument document) {
        issued.putIfAbsent(document.sha256(), document);
    }

    @Override
    public Optional<IssuedDocument> issuedBySha256(String sha256) {
        return Optional.ofNullable(issued.get(sha256));
    }

    @Override
    public void putNote(String schoolCode, String recordId, int version, String kind, String note, String actor) {
        notes.put(schoolCode + "/" + recordId + "/" + version + "/" + kind, note);
    }

    @Override
    public Optional<String> note(String schoolCode, String recordId, int version, String kind) {
        return Optional.ofNullable(notes.get(schoolCode + "/" + recordId + "/" + version + "/" + kind));
    }
}
