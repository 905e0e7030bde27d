package vn.hocba.store.jpa.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the store runs on; each has its own migration scripts. */
public enum Dialect {
    DERBY("derby", "Derby"),
    POSTGRESQL("postgresql", "PostgreSQL");

    private final String id;
    private final String eclipseLinkPlatform;

    Dialect(String id, String eclipseLinkPlatform) {
        this.id = id;
        this.eclipseLinkPlatform = eclipseLinkPlatform;
    }

    /** Folder of the migration scripts, and the name in {@code StoreInfo}. */
    public String id() {
        return id;
    }

    /** Value of {@code eclipselink.target-database}. */
    public String eclipseLinkPlatform() {
        return eclipseLinkPlatform;
    }

    public static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("derby")) return DERBY;
        if (product.contains("postgres")) return POSTGRESQL;
        throw new SQLException("hocba store supports Apache Derby and PostgreSQL, not " + product);
    }

    /** The dialect a JDBC URL names, or null when the URL does not tell. */
    public static Dialect ofUrl(String url) {
        if (url == null) return null;
        if (url.startsWith("jdbc:derby:")) return DERBY;
        if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        return null;
    }
}
