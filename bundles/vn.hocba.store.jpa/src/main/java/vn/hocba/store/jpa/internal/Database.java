package vn.hocba.store.jpa.internal;

import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.eclipse.persistence.jpa.PersistenceProvider;

import vn.hocba.store.ConflictException;
import vn.hocba.store.ImmutableVersionException;
import vn.hocba.store.StoreException;

/**
 * The opened database: schema migrated, the EntityManagerFactory built on the given DataSource with the caller's
 * class loader, and a transaction helper that turns every failure into a {@link StoreException}.
 */
public final class Database implements AutoCloseable {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final int schemaVersion;
    private final String url;
    private final EntityManagerFactory emf;
    private final Runnable afterClose;

    private Database(DataSource dataSource, Dialect dialect, int schemaVersion, String url, EntityManagerFactory emf,
            Runnable afterClose) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.schemaVersion = schemaVersion;
        this.url = url;
        this.emf = emf;
        this.afterClose = afterClose;
    }

    /**
     * Migrates the schema and builds the persistence unit.
     *
     * @param url        the JDBC URL, for {@code StoreInfo} and the Derby backup only
     * @param rootUrl    where the entity classes are (bundle root entry in OSGi)
     * @param loader     the class loader that sees the entities (the bundle's)
     * @param poolSize   connections EclipseLink keeps open on the DataSource
     * @param afterClose run after the factory is closed (Derby: shut the embedded database down cleanly)
     */
    public static Database open(DataSource dataSource, String url, URL rootUrl, ClassLoader loader, int poolSize,
            Runnable afterClose) throws SQLException {
        Dialect dialect;
        try (Connection c = dataSource.getConnection()) {
            dialect = Dialect.of(c);
        }
        int version = new Migrations(dataSource, dialect).migrate();

        Map<String, Object> p = new HashMap<>();
        p.put("eclipselink.target-database", dialect.eclipseLinkPlatform());
        // EclipseLink keeps deployed units in a static map by session name: a new name per factory, so a store
        // reopened on another database (or a second store in a test) never gets the old session back.
        p.put("eclipselink.session-name", "hocba-store-" + UUID.randomUUID());
        p.put("eclipselink.weaving", "false");
        p.put("eclipselink.ddl-generation", "none");
        p.put("eclipselink.exclude-eclipselink-orm", "true");
        p.put("eclipselink.cache.shared.default", "false");
        p.put("eclipselink.deploy-on-startup", "true");
        p.put("eclipselink.connection-pool.internally-pool-datasource", "true");
        p.put("eclipselink.connection-pool.default.initial", "1");
        p.put("eclipselink.connection-pool.default.min", "1");
        p.put("eclipselink.connection-pool.default.max", String.valueOf(Math.max(2, poolSize)));
        p.put("eclipselink.connection-pool.read.initial", "1");
        p.put("eclipselink.connection-pool.read.min", "1");
        p.put("eclipselink.connection-pool.read.max", String.valueOf(Math.max(2, poolSize)));
        p.put("eclipselink.jdbc.batch-writing", "JDBC");
        p.put("eclipselink.jdbc.batch-writing.size", "100");
        p.put("eclipselink.jdbc.cache-statements", "true");
        p.put("eclipselink.logging.logger", "JavaLogger");
        p.put("eclipselink.logging.level", "WARNING");
        p.put("eclipselink.logging.exceptions", "false"); // the caller gets every exception, translated
        p.put("eclipselink.target-server", "None");

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            EntityManagerFactory emf = new PersistenceProvider()
                    .createContainerEntityManagerFactory(new StorePersistenceUnit(dataSource, rootUrl, loader), p);
            emf.createEntityManager().close();
            return new Database(dataSource, dialect, version, url, emf, afterClose);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String url() {
        return url;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** For tests that go around the repositories on purpose. */
    public EntityManagerFactory entityManagerFactory() {
        return emf;
    }

    /** Runs {@code work} in one transaction; commits, or rolls back and throws a {@link StoreException}. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                try {
                    em.getTransaction().rollback();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw translate(e);
        } finally {
            em.close();
        }
    }

    /** Runs a read; no transaction is needed for a consistent single query. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            em.close();
        }
    }

    /** Maps what JPA, EclipseLink and the JDBC driver throw to the store's exceptions. */
    static StoreException translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreException se) return se;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.persistence.OptimisticLockException
                    || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                return conflict(e);
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("ISSUED_VERSION_IMMUTABLE")) {
                return new ImmutableVersionException(
                        "Cơ sở dữ liệu từ chối: phiên bản học bạ đã phát hành không thể sửa hay xoá.",
                        "The database refused: an issued record version can never be changed or deleted.", e);
            }
            if (message.contains("AUDIT_APPEND_ONLY")) {
                return new ImmutableVersionException(
                        "Cơ sở dữ liệu từ chối: nhật ký kiểm tra chỉ được ghi thêm, không sửa hay xoá.",
                        "The database refused: the audit trail is append-only.", e);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 23505 duplicate key (both), 40001 deadlock/serialization, 40P01 deadlock (PostgreSQL),
                // 40XL1/40XL2 lock timeout (Derby): somebody else wrote the same rows at the same time.
                if (state.equals("23505") || state.equals("40001") || state.equals("40P01")
                        || state.startsWith("40XL")) {
                    return conflict(e);
                }
            }
        }
        return new StoreException("Lỗi cơ sở dữ liệu: " + e.getMessage(), "Database error: " + e.getMessage(), e);
    }

    static ConflictException conflict(Throwable cause) {
        return new ConflictException(
                "Dữ liệu vừa được người khác thay đổi; hãy tải lại rồi thử lại. Không có gì bị ghi đè.",
                "The data was changed by someone else meanwhile; reload and try again. Nothing was overwritten.",
                cause);
    }

    @Override
    public void close() {
        try {
            if (emf.isOpen()) emf.close();
        } finally {
            if (afterClose != null) afterClose.run();
        }
    }
}
