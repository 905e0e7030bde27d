package vn.hocba.workflow.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DocumentIndexTest {

    @Test
    void derbyAndPostgresKeepBoxesIssuedDocumentsAndNotes() {
        for (DocumentIndex index : List.of(new JdbcDocumentIndex(Databases.derby()),
                new JdbcDocumentIndex(Databases.postgres()), new InMemoryDocumentIndex())) {
            DocumentIndex.Box t = new DocumentIndex.Box("HOMEROOM_TEACHER", 2, 40f, 60f, 160f, 70f);
            DocumentIndex.Box p = new DocumentIndex.Box("PRINCIPAL", 2, 300f, 60f, 160f, 70f);
            index.putBoxes("S1", "R1", 1, List.of(t));
            index.putBoxes("S1", "R1", 1, List.of(t, p));
            assertEquals(List.of(t, p), index.boxes("S1", "R1", 1));
            assertEquals(List.of(), index.boxes("S1", "R1", 2));

            DocumentIndex.IssuedDocument d = new DocumentIndex.IssuedDocument("ab".repeat(32), "S1", "R1", 1, "PDF");
            index.putIssued(d);
            index.putIssued(d);
            assertEquals(Optional.of(d), index.issuedBySha256("ab".repeat(32)));
            assertEquals(Optional.empty(), index.issuedBySha256("cd".repeat(32)));

            index.putNote("S1", "R1", 1, "REVOKED", "Cấp nhầm học sinh", "ht");
            index.putNote("S1", "R1", 1, "REVOKED", "Cấp nhầm học sinh khác", "ht");
            assertEquals(Optional.of("Cấp nhầm học sinh khác"), index.note("S1", "R1", 1, "REVOKED"));
            assertEquals(Optional.empty(), index.note("S1", "R1", 2, "REVOKED"));
        }
    }
}
