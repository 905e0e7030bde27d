package vn.hocba.store.jpa.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.osgi.service.jdbc.DataSourceFactory;

/** Embedded Derby in a temporary folder, through the bundle's own DataSourceFactory. */
final class DerbyBackend extends Backend {

    private final Path root;
    private final DerbyDataSourceFactory factory = new DerbyDataSourceFactory();

    DerbyBackend() throws Exception {
        root = Files.createTempDirectory("hocba-derby-");
        System.setProperty("derby.stream.error.file", root.resolve("derby.log").toString());
    }

    Path root() {
        return root;
    }

    @Override
    String createDatabase(String name) {
        return "jdbc:derby:" + root.resolve(name).toAbsolutePath() + ";create=true";
    }

    @Override
    String user() {
        return "";
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
        return Dialect.DERBY;
    }

    @Override
    void tamperWithAudit(Connection c, String sql) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_entry_no_update");
            st.execute("DROP TRIGGER audit_entry_no_delete");
            st.executeUpdate(sql);
            st.execute("CREATE TRIGGER audit_entry_no_update AFTER UPDATE ON audit_entry FOR EACH ROW"
                    + " INSERT INTO hocba_guard (reason) VALUES ('AUDIT_APPEND_ONLY')");
            st.execute("CREATE TRIGGER audit_entry_no_delete AFTER DELETE ON audit_entry FOR EACH ROW"
                    + " INSERT INTO hocba_guard (reason) VALUES ('AUDIT_APPEND_ONLY')");
            c.commit();
        }
    }

    @Override
    public void close() {
        // each store shuts its database down when closed; the folder stays for inspection in target/…/tmp
    }
}
