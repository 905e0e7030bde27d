package vn.hocba.signing.pades.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hocba.signing.ArchiveStore;
import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.spi.DigestAlgorithm;

/** The B-LTA job over a store of issued PDFs. */
class ArchiveTimestampJobTest {

    /** A small store in memory: a document is due until it was stamped once. */
    static final class MemoryStore implements ArchiveStore {
        final Map<String, byte[]> documents = new LinkedHashMap<>();
        final Map<String, Instant> stampedAt = new LinkedHashMap<>();

        @Override
        public List<ArchivedDocument> dueForArchiveTimestamp(Instant stampedBefore, int limit) {
            List<ArchivedDocument> due = new ArrayList<>();
            documents.forEach((id, bytes) -> {
                Instant at = stampedAt.get(id);
                if ((at == null || at.isBefore(stampedBefore)) && due.size() < limit) {
                    due.add(new ArchivedDocument(id, bytes));
                }
            });
            return due;
        }

        @Override
        public void replaceContent(String documentId, String previousSha256, byte[] extended) {
            String current = HexFormat.of().formatHex(CadesDetached.digest(DigestAlgorithm.SHA256, documents.get(documentId)));
            if (!current.equals(previousSha256)) {
                throw new IllegalStateException("changed meanwhile");
            }
            documents.put(documentId, extended);
            stampedAt.put(documentId, Instant.now());
        }
    }

    @Test
    void dueDocumentsAreRaisedToLtaOnce() throws Exception {
        if (PadesSigningTest.signedT == null) {
            PadesSigningTest.signTheRecord();
        }
        MemoryStore store = new MemoryStore();
        store.documents.put("hb-1", PadesSigningTest.signedT);
        ArchiveTimestampJob job = new ArchiveTimestampJob(new PadesEngineComponent(PadesSigningTest.signer), store,
                Duration.ofDays(365), 10);
        try {
            assertEquals(1, job.runOnce());
            assertEquals(0, job.runOnce(), "stamped a moment ago: not due");
        } finally {
            job.deactivate();
        }
        VerificationReport report = PadesVerifier.offline(List.of(PadesSigningTest.PKI.root().certificate()))
                .verify(store.documents.get("hb-1"));
        assertEquals(VerificationReport.Indication.TOTAL_PASSED, report.indication(), () -> Json.write(report));
        assertEquals(BaselineLevel.B_LTA, report.signatures().get(0).level());
    }
}
