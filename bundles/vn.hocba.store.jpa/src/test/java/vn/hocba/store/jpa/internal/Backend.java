package vn.hocba.store.jpa.internal;

import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.osgi.service.jdbc.DataSourceFactory;

/** A database server the suite runs against: how to make a fresh database and how to go around the store. */
abstract class Backend implements AutoCloseable {

    /** A fresh, empty database; returns its JDBC URL. */
    abstract String createDatabase(String name) throws Exception;

    abstract String user();

    abstract String password();

    abstract DataSourceFactory factory();

    abstract Dialect dialect();

    /**
     * Runs {@code sql} as somebody with DDL rights who first takes the append-only guard of the audit table off (and
     * puts it back in the same transaction).
     */
    abstract void tamperWithAudit(Connection c, String sql) throws SQLException;

    JpaStore open(String url) throws SQLException {
        return StoreOpener.open(factory(), url, user(), password(), rootUrl(), JpaStore.class.getClassLoader(), 4,
                Clock.systemUTC());
    }

    DataSource dataSource(String url) throws SQLException {
        return factory().createDataSource(StoreOpener.connectionProperties(url, user(), password()));
    }

    static URL rootUrl() {
        return JpaStore.class.getProtectionDomain().getCodeSource().getLocation();
    }
}
