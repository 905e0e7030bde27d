package vn.hocba.store.jpa.internal;

import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Opens a {@link JpaStore} from an OSGi {@link DataSourceFactory} and a JDBC URL, user and password: the same path
 * in the framework (the component) and on a plain class path (tests, benchmark, the crash child).
 */
public final class StoreOpener {

    private static final Logger LOG = Logger.getLogger(StoreOpener.class.getName());

    private StoreOpener() {
    }

    /**
     * @param rootUrl the persistence unit root (the bundle's root entry in OSGi, the classes folder outside)
     * @param loader  the class loader that sees the entities
     */
    public static JpaStore open(DataSourceFactory factory, String url, String user, String password, URL rootUrl,
            ClassLoader loader, int poolSize, Clock clock) throws SQLException {
        return new JpaStore(openDatabase(factory, url, user, password, rootUrl, loader, poolSize), clock);
    }

    /** Migrates and opens the database; a Derby database is shut down again when it is closed. */
    public static Database openDatabase(DataSourceFactory factory, String url, String user, String password,
            URL rootUrl, ClassLoader loader, int poolSize) throws SQLException {
        DataSource dataSource = factory.createDataSource(connectionProperties(url, user, password));
        Runnable afterClose = Dialect.ofUrl(url) == Dialect.DERBY ? () -> shutdownDerby(factory, url, user, password)
                : () -> { };
        try {
            return Database.open(dataSource, url, rootUrl, loader, poolSize, afterClose);
        } catch (SQLException | RuntimeException e) {
            afterClose.run();
            throw e;
        }
    }

    static Properties connectionProperties(String url, String user, String password) {
        Properties p = new Properties();
        p.setProperty(DataSourceFactory.JDBC_URL, url);
        if (user != null && !user.isEmpty()) p.setProperty(DataSourceFactory.JDBC_USER, user);
        if (password != null && !password.isEmpty()) p.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        return p;
    }

    /**
     * Shuts one embedded Derby database down, so its files are closed cleanly and the next open needs no recovery
     * (and another process, e.g. a restore, may open it).
     */
    static void shutdownDerby(DataSourceFactory factory, String url, String user, String password) {
        int semicolon = url.indexOf(';');
        String base = semicolon < 0 ? url : url.substring(0, semicolon);
        try (Connection c = factory.createDataSource(connectionProperties(base + ";shutdown=true", user, password))
                .getConnection()) {
            LOG.warning("Derby did not confirm the shutdown of " + base);
        } catch (SQLException e) {
            // 08006: "Database ... shut down." is the normal answer of a successful shutdown.
            if (!"08006".equals(e.getSQLState())) LOG.log(Level.WARNING, "Derby shutdown of " + base + " failed", e);
        }
    }
}
