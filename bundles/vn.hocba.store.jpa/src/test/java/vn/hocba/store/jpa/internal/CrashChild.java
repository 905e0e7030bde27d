package vn.hocba.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

import vn.hocba.store.SchoolScope;

/**
 * A separate JVM that writes one class batch and is killed with SIGKILL ({@link Process#destroyForcibly()}) either
 * in the middle of the batch (rows flushed, not committed) or right after the commit, before any clean shutdown.
 */
final class CrashChild {

    static final String SCHOOL = "HP-CRASH";
    static final String CLASS = "3K";
    static final int PUPILS = Records.BATCH_FLUSH * 2;

    private CrashChild() {
    }

    /** Child entry point: {@code url user password midway|committed}. */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        DataSourceFactory factory = Dialect.ofUrl(url) == Dialect.DERBY ? new DerbyDataSourceFactory()
                : new PGDataSourceFactory();
        JpaStore store = StoreOpener.open(factory, url, args[1], args.length > 3 ? args[3] : "", Backend.rootUrl(),
                JpaStore.class.getClassLoader(), 2, Clock.systemUTC());
        store.saveSchool(Fixtures.school(SCHOOL));
        boolean midway = args[2].equals("midway");
        store.writeClass(SchoolScope.of(SCHOOL), Fixtures.schoolClass(SCHOOL, CLASS),
                Fixtures.classRecords(SCHOOL, CLASS, PUPILS), "import:crash", written -> {
                    if (midway) announceAndWait("MIDWAY " + written);
                });
        announceAndWait("COMMITTED");
    }

    private static void announceAndWait(String line) {
        System.out.println(line);
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the child, waits for its line, kills it with SIGKILL and waits for it to be gone. */
    static void runAndKill(Backend backend, String url, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dderby.stream.error.file=" + System.getProperty("java.io.tmpdir") + "/hocba-crash-derby.log",
                CrashChild.class.getName(), url, backend.user().isEmpty() ? "" : backend.user(), mode));
        if (!backend.password().isEmpty()) cmd.add(backend.password());
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String expected = mode.equals("midway") ? "MIDWAY" : "COMMITTED";
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith(expected)) break;
            }
            assertTrue(output.toString().contains(expected), "child output:\n" + output);
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no Derby shutdown, no rollback by the client
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by signal 9");
        } finally {
            child.destroyForcibly();
        }
    }

    /** After recovery every table is readable, and for Derby its own consistency check passes on each. */
    static void assertTablesConsistent(JpaStore store) throws Exception {
        try (Connection c = store.database().dataSource().getConnection()) {
            for (String table : StoreContract.tables()) {
                StoreContract.countRows(c, table);
                if (store.database().dialect() == Dialect.DERBY) {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                            "VALUES SYSCS_UTIL.SYSCS_CHECK_TABLE(CURRENT SCHEMA, '" + table.toUpperCase() + "')")) {
                        assertTrue(rs.next());
                        assertEquals(1, rs.getInt(1), "Derby consistency check of " + table);
                    }
                }
            }
            if (store.database().dialect() == Dialect.DERBY) {
                try (CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()")) {
                    cs.execute();
                }
            }
        }
    }
}
