package vn.hocba.export.moet.internal.outbox;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.export.DeliverySummary;
import vn.hocba.export.ExportException;
import vn.hocba.export.moet.MemoryStore;
import vn.hocba.export.moet.SampleRecords;
import vn.hocba.export.moet.internal.MoetExporter;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearRecord;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.TaskStatus;

/** The component's configuration: per-school exporter and transport, switched at runtime; missing plugs wait. */
class ExportServiceComponentTest {

    @TempDir
    Path tmp;

    private ExportConfig config(Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>(Map.of("exporter", "moet-tieuhoc-1.0", "transport", "folder",
                "schoolExporters", new String[0], "schoolTransports", new String[0], "batchSize", 10,
                "workerEnabled", false, "intervalSeconds", 30, "sweepMinutes", 0, "workDirectory",
                tmp.resolve("work").toString(), "sealSignerId", "seal"));
        v.put("sealCredentialId", "");
        v.put("sealWaitSeconds", 5);
        v.putAll(values);
        return (ExportConfig) Proxy.newProxyInstance(ExportConfig.class.getClassLoader(),
                new Class<?>[] {ExportConfig.class}, (p, m, a) -> v.get(m.getName()));
    }

    @Test
    void destinationsFollowTheConfigurationAndMissingPlugsAreReportedNotFatal() {
        MemoryStore store = new MemoryStore();
        YearRecord r = SampleRecords.record(1);
        store.issue(r, new MoetExporter().toXml(r, List.of()), null);
        ExportServiceComponent service = new ExportServiceComponent(store, store, store, config(Map.of()));
        assertEquals("moet-tieuhoc-1.0@folder", service.destinationFor("HP-AL-TH01"));
        assertThrows(ExportException.class, () -> service.exporterFor("HP-AL-TH01"), "exporter not installed yet");
        MoetExporter moet = new MoetExporter();
        service.addExporter(moet);
        assertEquals("moet-tieuhoc-1.0", service.exporterFor("HP-AL-TH01").id());

        SchoolScope a = SchoolScope.of("HP-AL-TH01");
        assertEquals(1, service.enqueueIssued(a, new SchoolYear(2024)));
        DeliverySummary waiting = service.deliverPending(a);
        assertEquals(0, waiting.packagesDelivered());
        assertTrue(waiting.messages().get(0).contains("transport \"folder\""), waiting.messages().toString());
        assertEquals(1, service.statusOfSchool(a, TaskStatus.PENDING).size());

        // switched at runtime: this school goes over http from now on; its versions queue for that destination
        service.modified(config(Map.of("schoolTransports", new String[] {"HP-AL-TH01=http"})));
        assertEquals("moet-tieuhoc-1.0@http", service.destinationFor("HP-AL-TH01"));
        assertEquals("moet-tieuhoc-1.0@folder", service.destinationFor("HP-KT-TH02"));
        assertEquals(0, service.statusOfSchool(a, TaskStatus.PENDING).size());
        assertEquals(1, service.enqueueIssued(a, new SchoolYear(2024)));
        service.removeExporter(moet);
        assertThrows(ExportException.class, () -> service.exporterFor("HP-AL-TH01"));
        service.deactivate();
    }

    @Test
    void sealingWithoutASigningServiceWaitsInTheOutbox() throws Exception {
        MemoryStore store = new MemoryStore();
        YearRecord r = SampleRecords.record(2);
        store.issue(r, new MoetExporter().toXml(r, List.of()), "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        ExportServiceComponent service = new ExportServiceComponent(store, store, store,
                config(Map.of("transport", "folder")));
        service.addExporter(new MoetExporter());
        Path out = tmp.resolve("out");
        service.addTransport(new vn.hocba.export.transport.folder.internal.FolderTransportAccess(out).transport());
        SchoolScope a = SchoolScope.of("HP-AL-TH01");
        service.enqueueIssued(a, new SchoolYear(2024));
        DeliverySummary s = service.deliverPending(a);
        assertEquals(1, s.packagesFailed());
        assertTrue(s.messages().get(0).contains("signing service"), s.messages().toString());
        assertEquals(1, service.statusOfSchool(a, TaskStatus.IN_PROGRESS).size(), "kept with its package id");
        assertFalse(Files.exists(out) && out.toFile().list().length > 1);
        service.deactivate();
    }
}
