package vn.hocba.workflow.internal.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Real databases for the tests: Derby in memory, and one PostgreSQL server for the whole test run. */
public final class Databases {

    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    /** A new, empty Derby database in memory. */
    public static DataSource derby() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:wf-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** A new, empty database on the shared PostgreSQL server. */
    public static synchronized DataSource postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going anyway
                    }
                }));
            }
            String name = "wf_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return postgres.getDatabase("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
