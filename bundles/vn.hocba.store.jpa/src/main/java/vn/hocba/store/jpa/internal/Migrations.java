package vn.hocba.store.jpa.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Versioned schema migrations, applied at start-up before the persistence unit opens.
 *
 * <p>A small runner of our own instead of Flyway or Liquibase (which scan the class path in ways OSGi does not
 * support well): scripts {@code db/<dialect>/V<n>.sql} next to this class, numbered 1, 2, 3… without gaps, the first
 * line a {@code --} comment saying what the script does. Each script runs in one transaction together with its row in
 * {@code schema_version} (Derby and PostgreSQL both have transactional DDL), so a crash in the middle leaves the
 * schema at the previous version. The SHA-256 of every applied script is kept and checked at each start: an edited
 * script, or a database newer than the code, stops the store instead of running on a schema it does not know.
 */
public final class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private final DataSource dataSource;
    private final Dialect dialect;

    public Migrations(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** One script of the bundle. */
    public record Script(int version, String description, String sql, String sha256) {
    }

    /** The scripts of the dialect, by version. */
    public List<Script> available() {
        List<Script> scripts = new ArrayList<>();
        for (int v = 1; ; v++) {
            URL url = Migrations.class.getResource("db/" + dialect.id() + "/V" + v + ".sql");
            if (url == null) break;
            try (InputStream in = url.openStream()) {
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String first = sql.lines().findFirst().orElse("");
                String description = first.startsWith("--") ? first.substring(2).strip() : "V" + v;
                scripts.add(new Script(v, description, sql, Hashes.sha256(sql)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migration " + url, e);
            }
        }
        if (scripts.isEmpty()) throw new IllegalStateException("no migration scripts for " + dialect.id());
        return scripts;
    }

    public int latestAvailable() {
        return available().size();
    }

    /** Applies every script up to the newest; returns the schema version reached. */
    public int migrate() throws SQLException {
        return migrate(Integer.MAX_VALUE);
    }

    /** Applies the scripts up to {@code target} (tests start from an older schema this way). */
    public int migrate(int target) throws SQLException {
        List<Script> scripts = available();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            ensureVersionTable(c);
            TreeMap<Integer, String> applied = applied(c);
            for (var e : applied.entrySet()) {
                if (e.getKey() > scripts.size()) {
                    throw new IllegalStateException("the database has schema version " + e.getKey()
                            + " but this store knows only up to " + scripts.size() + ": install the newer store");
                }
                Script known = scripts.get(e.getKey() - 1);
                if (!known.sha256().equals(e.getValue())) {
                    throw new IllegalStateException("migration V" + e.getKey() + " was changed after it was applied"
                            + " (stored SHA-256 " + e.getValue() + ", script " + known.sha256() + ")");
                }
            }
            int current = applied.isEmpty() ? 0 : applied.lastKey();
            for (Script s : scripts) {
                if (s.version() <= current || s.version() > target) continue;
                apply(c, s);
                current = s.version();
            }
            return current;
        }
    }

    /** The highest version applied, 0 for an empty database. */
    public int currentVersion() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!tableExists(c, "schema_version")) return 0;
            TreeMap<Integer, String> applied = applied(c);
            return applied.isEmpty() ? 0 : applied.lastKey();
        }
    }

    private void apply(Connection c, Script s) throws SQLException {
        LOG.info(() -> "hocba store: applying migration V" + s.version() + " (" + s.description() + ") on " + dialect.id());
        try (Statement st = c.createStatement()) {
            for (String statement : statements(s.sql())) {
                st.execute(statement);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO schema_version (version_no, description, script_sha256, applied_at) VALUES (?, ?, ?, ?)")) {
                ps.setInt(1, s.version());
                ps.setString(2, s.description());
                ps.setString(3, s.sha256());
                ps.setLong(4, System.currentTimeMillis());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration V" + s.version() + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private void ensureVersionTable(Connection c) throws SQLException {
        if (tableExists(c, "schema_version")) return;
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE schema_version (version_no INT NOT NULL PRIMARY KEY, description VARCHAR(512) NOT NULL,"
                    + " script_sha256 CHAR(64) NOT NULL, applied_at BIGINT NOT NULL)");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            if (!tableExists(c, "schema_version")) throw e; // else another process created it meanwhile
        }
    }

    private static TreeMap<Integer, String> applied(Connection c) throws SQLException {
        TreeMap<Integer, String> applied = new TreeMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version_no, script_sha256 FROM schema_version")) {
            while (rs.next()) applied.put(rs.getInt(1), rs.getString(2));
        }
        c.commit();
        return applied;
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
            try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) return true;
            }
        }
        return false;
    }

    /**
     * Splits a script into statements: a statement ends with a {@code ;} at the end of a line, except inside a
     * {@code $$ … $$} block (PostgreSQL function bodies). Lines holding only a comment are dropped.
     */
    static List<String> statements(String sql) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inDollar = false;
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (!inDollar && (t.isEmpty() || t.startsWith("--"))) continue;
            int dollars = countOf(line, "$$");
            if (dollars % 2 == 1) inDollar = !inDollar;
            if (!inDollar && t.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                result.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) result.add(current.toString().strip());
        return result;
    }

    private static int countOf(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) n++;
        return n;
    }
}
