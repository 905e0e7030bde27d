package vn.hocba.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.hocba.model.RecordState;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoreAdmin;
import vn.hocba.store.StoredRecord;

/**
 * The built bundle in a real Felix framework (SCR, Config Admin, EclipseLink split bundles, Derby, PostgreSQL JDBC):
 * the EntityManagerFactory is built inside OSGi with the bundle's class loader; with no configuration the store runs
 * on embedded Derby under {@code hocba.data.dir}; a configuration switches it to PostgreSQL on the running framework;
 * removing it brings Derby back with its data; the data survives a framework restart.
 */
class StoreBundleIT {

    private static final String M2 = System.getProperty("hocba.it.m2");
    private static final long WAIT = 90_000;

    @Test
    void theStoreRunsInOsgiAndSwitchesDatabaseByConfiguration() throws Exception {
        Path work = Path.of("target", "it-osgi").toAbsolutePath();
        deleteTree(work);
        Path dataDir = work.resolve("data");
        String recordId;

        Framework fw = start(work, dataDir, true);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            BundleContext ctx = fw.getBundleContext();
            StoreAdmin derby = await(ctx, StoreAdmin.class, a -> true);
            assertEquals("derby", derby.info().dialect());
            assertTrue(derby.info().url().contains(dataDir.resolve("derby").resolve("hocba").toString()), derby.info().url());
            assertTrue(Files.isDirectory(dataDir.resolve("derby").resolve("hocba")));
            assertNotNull(await(ctx, Object.class, "(osgi.command.scope=hocba)"));

            SchoolScope scope = SchoolScope.of("HP-OSGI");
            await(ctx, SchoolRepository.class, s -> true).saveSchool(Fixtures.school("HP-OSGI"));
            RecordRepository records = await(ctx, RecordRepository.class, r -> true);
            StoredRecord s = records.saveDraft(scope, Fixtures.record("HP-OSGI", "3A", 1), RecordRepository.NEW, "gv");
            records.transition(scope, s.ref(), RecordState.LOCKED, s.revision(), "gv", "");
            recordId = s.ref().recordId();

            // switch the running framework to PostgreSQL by configuration alone
            try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("CREATE DATABASE hocba_osgi");
            }
            ConfigurationAdmin cm = await(ctx, ConfigurationAdmin.class, x -> true);
            Configuration config = cm.getConfiguration(StoreComponent.PID, "?");
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("url", "jdbc:postgresql://localhost:" + pg.getPort() + "/hocba_osgi");
            props.put("user", "postgres");
            props.put(".password", "");
            props.put("dataSourceFactory.target", "(osgi.jdbc.driver.class=org.postgresql.Driver)");
            config.update(props);
            StoreAdmin onPg = await(ctx, StoreAdmin.class, a -> a.info().dialect().equals("postgresql"));
            assertNotSame(derby, onPg);
            assertEquals(2, onPg.info().schemaVersion());
            SchoolRepository pgSchools = await(ctx, SchoolRepository.class, r -> r.school(scope).isEmpty());
            pgSchools.saveSchool(Fixtures.school("HP-OSGI"));
            RecordRepository pgRecords = await(ctx, RecordRepository.class, r -> r.latest(scope, recordId).isEmpty());
            pgRecords.saveDraft(scope, Fixtures.record("HP-OSGI", "3A", 2), RecordRepository.NEW, "gv");
            assertEquals(1, pgRecords.latestOfClass(scope, Fixtures.YEAR, "3A").size());

            // and back to the default: Derby, with what it had
            config.delete();
            await(ctx, StoreAdmin.class, a -> a.info().dialect().equals("derby"));
            RecordRepository back = await(ctx, RecordRepository.class, r -> r.latest(scope, recordId).isPresent());
            assertEquals(RecordState.LOCKED, back.latest(scope, recordId).orElseThrow().state());
        } finally {
            stop(fw);
        }

        // a restart of the host keeps the data
        Framework again = start(work, dataDir, false);
        try {
            RecordRepository records = await(again.getBundleContext(), RecordRepository.class,
                    r -> r.latest(SchoolScope.of("HP-OSGI"), recordId).isPresent());
            assertEquals(RecordState.LOCKED, records.latest(SchoolScope.of("HP-OSGI"), recordId).orElseThrow().state());
        } finally {
            stop(again);
        }
    }

    private static Framework start(Path work, Path dataDir, boolean install) throws Exception {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, work.resolve("felix-cache").toString());
        // the test talks to the services through these API packages, so they come from the class path
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "vn.hocba.model;version=1.0.0,vn.hocba.store;version=1.1.0,org.osgi.service.cm;version=1.6.1");
        p.put("hocba.data.dir", dataDir.toString());
        p.put("derby.stream.error.file", work.resolve("derby.log").toString());
        Framework fw = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(p);
        fw.start();
        if (install) {
            List<Bundle> bundles = new ArrayList<>();
            for (String jar : runBundles()) bundles.add(fw.getBundleContext().installBundle(new File(jar).toURI().toString()));
            for (Bundle b : bundles) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) b.start();
            }
        }
        return fw;
    }

    private static List<String> runBundles() {
        String el = System.getProperty("hocba.it.eclipselink");
        return List.of(
                jar("org.osgi", "org.osgi.util.function", "1.2.0"),
                jar("org.osgi", "org.osgi.util.promise", "1.3.0"),
                jar("org.osgi", "org.osgi.service.component", "1.5.1"),
                jar("org.apache.felix", "org.apache.felix.scr", "2.2.18"),
                jar("org.apache.felix", "org.apache.felix.configadmin", "1.9.26"),
                jar("org.osgi", "org.osgi.service.jdbc", "1.1.0"),
                jar("org.eclipse.persistence", "jakarta.persistence", "2.2.3"),
                jar("org.eclipse.persistence", "org.eclipse.persistence.asm", "9.8.0"),
                jar("org.eclipse.persistence", "org.eclipse.persistence.antlr", el),
                jar("org.eclipse.persistence", "org.eclipse.persistence.core", el),
                jar("org.eclipse.persistence", "org.eclipse.persistence.jpa.jpql", el),
                jar("org.eclipse.persistence", "org.eclipse.persistence.jpa", el),
                jar("org.apache.derby", "derby", System.getProperty("hocba.it.derby")),
                jar("org.postgresql", "postgresql", System.getProperty("hocba.it.postgresql")),
                System.getProperty("hocba.it.bundle"));
    }

    private static String jar(String group, String artifact, String version) {
        return Path.of(M2, group.split("\\.")).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".jar").toString();
    }

    /** Waits until a service of the type is registered and passes the check (a re-activated component is a new one). */
    private static <T> T await(BundleContext ctx, Class<T> type, Predicate<T> ready) throws Exception {
        long end = System.currentTimeMillis() + WAIT;
        RuntimeException last = null;
        while (System.currentTimeMillis() < end) {
            ServiceReference<T> ref = ctx.getServiceReference(type);
            if (ref != null) {
                T service = ctx.getService(ref);
                try {
                    if (service != null && ready.test(service)) return service;
                } catch (RuntimeException e) {
                    last = e; // the component is being replaced right now
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no ready " + type.getSimpleName() + " service within " + WAIT + " ms", last);
    }

    private static Object await(BundleContext ctx, Class<?> type, String filter) throws Exception {
        long end = System.currentTimeMillis() + WAIT;
        while (System.currentTimeMillis() < end) {
            ServiceReference<?>[] refs = ctx.getAllServiceReferences(null, filter);
            if (refs != null && refs.length > 0) return ctx.getService(refs[0]);
            Thread.sleep(200);
        }
        throw new AssertionError("no service " + filter);
    }

    private static void stop(Framework fw) throws Exception {
        fw.stop();
        fw.waitForStop(60_000);
    }

    private static void deleteTree(Path p) throws Exception {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }
}
