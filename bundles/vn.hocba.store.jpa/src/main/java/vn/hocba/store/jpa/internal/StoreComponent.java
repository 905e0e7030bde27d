package vn.hocba.store.jpa.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.store.AuditTrail;
import vn.hocba.store.ProcessingStateRepository;
import vn.hocba.store.PupilRepository;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.StoreAdmin;

/**
 * The store in the framework: owns the EntityManagerFactory, built with this bundle's class loader on a DataSource
 * from the {@link DataSourceFactory} the configuration selects, and registers every repository service.
 *
 * <p>No {@code @Modified}: a changed configuration (other URL, credentials or driver) deactivates this component,
 * which closes the old database (Derby is shut down cleanly), and activates it again on the new one after migrating
 * it; services that use the repositories are re-bound by DS. The same happens at a restart.
 */
@Component(configurationPid = StoreComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {SchoolRepository.class, PupilRepository.class, RecordRepository.class,
                ProcessingStateRepository.class, AuditTrail.class, StoreAdmin.class})
@Designate(ocd = StoreConfiguration.class)
public class StoreComponent extends JpaStore {

    public static final String PID = "vn.hocba.store";
    public static final String DERBY_TARGET = "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "="
            + DerbyDataSourceFactory.DRIVER_CLASS + ")";

    private static final Logger LOG = Logger.getLogger(StoreComponent.class.getName());

    @Activate
    public StoreComponent(
            @Reference(name = "dataSourceFactory", target = DERBY_TARGET)
            Map.Entry<Map<String, Object>, DataSourceFactory> dataSourceFactory,
            StoreConfiguration config, BundleContext context) throws SQLException {
        super(open(dataSourceFactory, config, context), Clock.systemUTC());
        LOG.info(() -> "hocba store open on " + info().dialect() + " " + info().url() + ", schema version "
                + info().schemaVersion());
    }

    private static Database open(Map.Entry<Map<String, Object>, DataSourceFactory> factory, StoreConfiguration config,
            BundleContext context) throws SQLException {
        String url = config.url().isBlank() ? defaultDerbyUrl(context) : config.url().strip();
        String driver = String.valueOf(factory.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS));
        Dialect wanted = Dialect.ofUrl(url);
        if (wanted == null || !driver.toLowerCase(java.util.Locale.ROOT).contains(wanted.id())) {
            throw new IllegalStateException("hocba store: the URL " + url + " does not fit the JDBC driver " + driver
                    + "; set dataSourceFactory.target=(osgi.jdbc.driver.class="
                    + (wanted == Dialect.POSTGRESQL ? "org.postgresql.Driver" : DerbyDataSourceFactory.DRIVER_CLASS)
                    + ") in " + PID + ".cfg");
        }
        return StoreOpener.openDatabase(factory.getValue(), url, config.user(), config._password(),
                context.getBundle().getEntry("/"), StoreComponent.class.getClassLoader(), config.poolSize());
    }

    /** {@code ${hocba.data.dir}/derby/hocba} (framework property, default {@code ./hocba-data}). */
    static String defaultDerbyUrl(BundleContext context) {
        String dataDir = context.getProperty("hocba.data.dir");
        Path dir = Path.of(dataDir == null || dataDir.isBlank() ? "hocba-data" : dataDir).toAbsolutePath()
                .resolve("derby").resolve("hocba");
        return "jdbc:derby:" + dir + ";create=true";
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
