package vn.hocba.store.jpa.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Which database the store uses (PID {@code vn.hocba.store}). With no configuration at all: embedded Derby under
 * {@code ${hocba.data.dir}/derby/hocba}. For PostgreSQL, {@code etc/vn.hocba.store.cfg}:
 *
 * <pre>
 * url=jdbc:postgresql://127.0.0.1:5432/hocba
 * user=hocba
 * .password=…
 * dataSourceFactory.target=(osgi.jdbc.driver.class=org.postgresql.Driver)
 * </pre>
 */
@ObjectClassDefinition(id = StoreComponent.PID, name = "hocba store / Kho dữ liệu học bạ",
        description = "Database of the hocba store. Empty URL: embedded Derby in ${hocba.data.dir}/derby/hocba."
                + " Changing it re-opens the store on the new database (running host or restart alike).")
public @interface StoreConfiguration {

    @AttributeDefinition(name = "JDBC URL", required = false,
            description = "jdbc:postgresql://host:5432/db or jdbc:derby:/path/db;create=true; empty = embedded Derby"
                    + " under ${hocba.data.dir}/derby/hocba")
    String url() default "";

    @AttributeDefinition(name = "User", required = false)
    String user() default "";

    /** Key {@code .password}: the leading dot keeps it out of the service properties everybody can read. */
    @AttributeDefinition(name = "Password", required = false, type = AttributeType.PASSWORD)
    String _password() default "";

    @AttributeDefinition(name = "JDBC driver (DataSourceFactory filter)",
            description = "Which OSGi DataSourceFactory to use: (osgi.jdbc.driver.class=org.postgresql.Driver) for"
                    + " PostgreSQL, (osgi.jdbc.driver.class=org.apache.derby.jdbc.EmbeddedDriver) for Derby")
    String dataSourceFactory_target() default StoreComponent.DERBY_TARGET;

    @AttributeDefinition(name = "Connection pool size", min = "2", max = "64")
    int poolSize() default 8;
}
