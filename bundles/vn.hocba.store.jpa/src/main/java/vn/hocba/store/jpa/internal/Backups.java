package vn.hocba.store.jpa.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

import vn.hocba.store.BackupResult;
import vn.hocba.store.StoreException;

/**
 * Online backups. Derby copies the open database with {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE} while transactions go
 * on (the copy is transaction-consistent); the copy is a database folder that opens as it is, or is restored with
 * the {@code restoreFrom=} connection attribute. PostgreSQL has its own tool, {@code pg_dump}.
 */
final class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Database db;
    private final Clock clock;

    Backups(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    BackupResult backup(Path targetDir) {
        if (db.dialect() != Dialect.DERBY) {
            throw new StoreException(
                    "Cơ sở dữ liệu PostgreSQL được sao lưu bằng pg_dump, ví dụ: pg_dump -Fc -f hocba.dump hocba",
                    "A PostgreSQL database is backed up with pg_dump, e.g. pg_dump -Fc -f hocba.dump hocba"
                            + " (restore with pg_restore -d hocba hocba.dump)");
        }
        Instant now = clock.instant();
        Path folder = targetDir.toAbsolutePath().resolve("hocba-backup-" + STAMP.format(now));
        try {
            Files.createDirectories(folder);
            try (Connection c = db.dataSource().getConnection();
                    CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, folder.toString());
                call.execute();
            }
            Path database;
            try (Stream<Path> children = Files.list(folder)) {
                database = children.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new IOException("Derby wrote no database folder into " + folder));
            }
            return new BackupResult(database, size(database), now);
        } catch (IOException | SQLException e) {
            throw new StoreException("Sao lưu không thành công: " + e.getMessage(), "Backup failed: " + e.getMessage(), e);
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
