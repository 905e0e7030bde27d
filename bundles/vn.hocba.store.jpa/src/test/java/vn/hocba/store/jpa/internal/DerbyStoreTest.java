package vn.hocba.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hocba.model.RecordState;
import vn.hocba.model.YearRecord;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.BackupResult;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;

/** The repository suite on embedded Derby, plus Derby's online backup and its restore. */
class DerbyStoreTest extends StoreContract {

    @Override
    Backend newBackend() throws Exception {
        return new DerbyBackend();
    }

    @Test
    void anOnlineBackupRestoresToTheStateItWasTakenIn() throws Exception {
        SchoolScope scope = newSchool();
        StoredRecord kept = issued(scope, Fixtures.record(scope.schoolCode(), "3A", 1));
        Path target = ((DerbyBackend) backend).root().resolve("backups");
        BackupResult backup = store.backup(target);
        assertTrue(Files.isDirectory(backup.location()));
        assertTrue(backup.location().startsWith(target.toAbsolutePath()));
        assertTrue(backup.bytes() > 100_000, "a whole Derby database: " + backup.bytes());

        // the store goes on working after the backup; this record is not in the copy
        YearRecord later = Fixtures.record(scope.schoolCode(), "3A", 2);
        store.saveDraft(scope, later, RecordRepository.NEW, "gv");

        String restoredUrl = "jdbc:derby:" + ((DerbyBackend) backend).root().resolve("restored").toAbsolutePath()
                + ";restoreFrom=" + backup.location();
        try (JpaStore restored = backend.open(restoredUrl)) {
            StoredRecord back = restored.latest(scope, kept.ref().recordId()).orElseThrow();
            assertEquals(RecordState.ISSUED, back.state());
            assertEquals(kept.contentSha256(), back.contentSha256());
            assertArrayEquals(PDF, restored.artefact(scope, back.ref(), ArtefactKind.PDF).orElseThrow());
            assertTrue(restored.latest(scope, later.recordId()).isEmpty());
            assertTrue(restored.verify(scope).intact());
            assertEquals(List.of(Fixtures.school(scope.schoolCode())), restored.schools().stream()
                    .filter(s -> s.code().equals(scope.schoolCode())).toList());
        }
    }
}
