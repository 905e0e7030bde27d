package vn.hocba.store.jpa.internal;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;

import org.apache.derby.jdbc.EmbeddedConnectionPoolDataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.apache.derby.jdbc.EmbeddedXADataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The OSGi {@link DataSourceFactory} for embedded Derby, which the Derby 10.14 bundle does not register itself.
 *
 * <p>Our own few lines rather than pax-jdbc-derby: no extra bundle or version to keep in step, and the factory
 * understands the store's plain JDBC URL ({@code jdbc:derby:/path/db;create=true}), which it splits into the
 * database name and the connection attributes Derby's DataSources expect.
 */
@Component(property = {
        DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + DerbyDataSourceFactory.DRIVER_CLASS,
        DataSourceFactory.OSGI_JDBC_DRIVER_NAME + "=Apache Derby Embedded",
        DataSourceFactory.OSGI_JDBC_DRIVER_VERSION + "=10.14"})
public class DerbyDataSourceFactory implements DataSourceFactory {

    public static final String DRIVER_CLASS = "org.apache.derby.jdbc.EmbeddedDriver";

    @Override
    public DataSource createDataSource(Properties props) throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        configure(props, ds::setDatabaseName, ds::setConnectionAttributes, ds::setUser, ds::setPassword);
        return ds;
    }

    @Override
    public ConnectionPoolDataSource createConnectionPoolDataSource(Properties props) throws SQLException {
        EmbeddedConnectionPoolDataSource ds = new EmbeddedConnectionPoolDataSource();
        configure(props, ds::setDatabaseName, ds::setConnectionAttributes, ds::setUser, ds::setPassword);
        return ds;
    }

    @Override
    public XADataSource createXADataSource(Properties props) throws SQLException {
        EmbeddedXADataSource ds = new EmbeddedXADataSource();
        configure(props, ds::setDatabaseName, ds::setConnectionAttributes, ds::setUser, ds::setPassword);
        return ds;
    }

    @Override
    public Driver createDriver(Properties props) throws SQLException {
        return new EmbeddedDriver();
    }

    private interface Setter {
        void set(String value);
    }

    private static void configure(Properties props, Setter databaseName, Setter attributes, Setter user,
            Setter password) throws SQLException {
        String url = props.getProperty(JDBC_URL);
        String name = props.getProperty(JDBC_DATABASE_NAME);
        if (url != null) {
            if (!url.startsWith("jdbc:derby:")) throw new SQLException("not an embedded Derby URL: " + url);
            String rest = url.substring("jdbc:derby:".length());
            int semicolon = rest.indexOf(';');
            name = semicolon < 0 ? rest : rest.substring(0, semicolon);
            if (semicolon >= 0 && semicolon + 1 < rest.length()) attributes.set(rest.substring(semicolon + 1));
        }
        if (name == null || name.isBlank()) throw new SQLException("Derby needs a database name or URL");
        databaseName.set(name);
        String u = props.getProperty(JDBC_USER);
        if (u != null && !u.isEmpty()) user.set(u);
        String p = props.getProperty(JDBC_PASSWORD);
        if (p != null && !p.isEmpty()) password.set(p);
    }
}
