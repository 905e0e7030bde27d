package vn.hocba.store.jpa.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server the tests start on loopback, through the driver's own OSGi DataSourceFactory. */
final class PostgresBackend extends Backend {

    private final EmbeddedPostgres server;
    private final PGDataSourceFactory factory = new PGDataSourceFactory();

    PostgresBackend() throws Exception {
        server = EmbeddedPostgres.builder().start();
    }

    @Override
    String createDatabase(String name) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name.toLowerCase(java.util.Locale.ROOT));
        }
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + name.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    String user() {
        return "postgres";
    }

    @Override
    String password() {
        return "";
    }

    @Override
    DataSourceFactory factory() {
        return factory;
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    void tamperWithAudit(Connection c, String sql) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_guard");
            st.executeUpdate(sql);
            st.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_guard");
            c.commit();
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
