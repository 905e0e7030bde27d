package vn.hocba.export.moet.internal.outbox;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.export.DeliverySummary;
import vn.hocba.export.ExportException;
import vn.hocba.export.ExportPackage;
import vn.hocba.export.ExportService;
import vn.hocba.export.moet.internal.pkg.PackageWriter;
import vn.hocba.export.moet.internal.pkg.SealKey;
import vn.hocba.export.spi.Exporter;
import vn.hocba.export.spi.Transport;
import vn.hocba.model.School;
import vn.hocba.model.SchoolYear;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.ExportState;
import vn.hocba.store.ProcessingStateRepository;
import vn.hocba.store.RecordRef;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.TaskStatus;

/**
 * The export service and its delivery worker. Exporters, transports and signature providers are dynamic services
 * keyed by their ids; which exporter and transport a school uses is configuration (PID {@code vn.hocba.export}),
 * changed at runtime: a missing one is reported, not fatal, and the school's versions wait in the outbox.
 */
@Component(service = ExportService.class, configurationPid = ExportServiceComponent.PID, immediate = true)
@Designate(ocd = ExportConfig.class)
public class ExportServiceComponent implements ExportService {

    public static final String PID = "vn.hocba.export";
    private static final Logger LOG = Logger.getLogger(ExportServiceComponent.class.getName());
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final RecordRepository records;
    private final ProcessingStateRepository states;
    private final SchoolRepository schools;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Exporter> exporters = new ConcurrentHashMap<>();
    private final Map<String, Transport> transports = new ConcurrentHashMap<>();
    private final Map<String, SignatureProvider> providers = new ConcurrentHashMap<>();
    private final Map<String, Object> schoolLocks = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SigningService signing;

    private volatile Settings settings;
    private volatile Outbox outbox;
    private volatile SealKey.Source seals;
    private ScheduledExecutorService worker;
    private volatile long lastSweep;

    /** The configuration, parsed. */
    record Settings(String exporter, String transport, Map<String, String> schoolExporters,
            Map<String, String> schoolTransports, ExportConfig raw) {
        static Settings of(ExportConfig c) {
            return new Settings(c.exporter().strip(), c.transport().strip(), pairs(c.schoolExporters()),
                    pairs(c.schoolTransports()), c);
        }

        private static Map<String, String> pairs(String[] entries) {
            Map<String, String> map = new HashMap<>();
            for (String e : entries == null ? new String[0] : entries) {
                int eq = e.indexOf('=');
                if (eq > 0) map.put(e.substring(0, eq).strip(), e.substring(eq + 1).strip());
            }
            return Map.copyOf(map);
        }
    }

    @Activate
    public ExportServiceComponent(@Reference RecordRepository records, @Reference ProcessingStateRepository states,
            @Reference SchoolRepository schools, ExportConfig config) {
        this.records = records;
        this.states = states;
        this.schools = schools;
        configure(config);
    }

    @Modified
    void modified(ExportConfig config) {
        stopWorker();
        configure(config);
    }

    @Deactivate
    void deactivate() {
        stopWorker();
    }

    private synchronized void configure(ExportConfig config) {
        settings = Settings.of(config);
        seals = new ProviderSealKeys(() -> Optional.ofNullable(signing),
                id -> Optional.ofNullable(providers.get(id)), config.sealSignerId(), config.sealCredentialId(),
                Duration.ofSeconds(Math.max(1, config.sealWaitSeconds())));
        outbox = new Outbox(records, states, this::exporterByNamespace, seals, Paths.get(config.workDirectory()),
                config.batchSize(), clock);
        if (config.workerEnabled()) {
            worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hocba-export-worker");
                t.setDaemon(true);
                return t;
            });
            long interval = Math.max(1, config.intervalSeconds());
            worker.scheduleWithFixedDelay(this::cycle, Math.min(5, interval), interval, TimeUnit.SECONDS);
        }
    }

    private synchronized void stopWorker() {
        if (worker != null) {
            worker.shutdownNow();
            try {
                worker.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    /** One pass of the worker over every school of the installation. */
    void cycle() {
        try {
            boolean sweep = settings.raw().sweepMinutes() > 0 && clock.millis() - lastSweep
                    > TimeUnit.MINUTES.toMillis(settings.raw().sweepMinutes());
            for (School school : schools.schools()) {
                if (Thread.currentThread().isInterrupted()) return;
                SchoolScope scope = SchoolScope.of(school.code());
                try {
                    if (sweep) {
                        SchoolYear current = currentSchoolYear();
                        enqueueIssued(scope, current);
                        enqueueIssued(scope, new SchoolYear(current.startYear() - 1));
                    }
                    DeliverySummary s = deliverPending(scope);
                    if (s.packagesFailed() > 0) {
                        LOG.warning("export of " + school.code() + ": " + String.join("; ", s.messages()));
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "export of " + school.code() + " failed, will retry: " + e.getMessage(), e);
                }
            }
            if (sweep) lastSweep = clock.millis();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "export worker cycle failed, will retry: " + e.getMessage(), e);
        }
    }

    private SchoolYear currentSchoolYear() {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        return new SchoolYear(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1);
    }

    private Optional<Exporter> exporterByNamespace(String namespace) {
        return exporters.values().stream().filter(e -> e.schemaNamespace().equals(namespace)).findFirst();
    }

    private String exporterIdFor(String schoolCode) {
        return settings.schoolExporters().getOrDefault(schoolCode, settings.exporter());
    }

    private String transportIdFor(String schoolCode) {
        return settings.schoolTransports().getOrDefault(schoolCode, settings.transport());
    }

    @Override
    public String destinationFor(String schoolCode) {
        return exporterIdFor(schoolCode) + "@" + transportIdFor(schoolCode);
    }

    @Override
    public Exporter exporterFor(String schoolCode) {
        String id = exporterIdFor(schoolCode);
        Exporter e = exporters.get(id);
        if (e == null) {
            throw new ExportException("Bộ xuất dữ liệu \"" + id + "\" của trường " + schoolCode + " chưa cài đặt",
                    "Exporter \"" + id + "\" configured for school " + schoolCode + " is not installed");
        }
        return e;
    }

    @Override
    public ExportState enqueue(SchoolScope scope, RecordRef ref) {
        return outbox.enqueue(scope, ref, destinationFor(scope.schoolCode()));
    }

    @Override
    public int enqueueIssued(SchoolScope scope, SchoolYear year) {
        return outbox.enqueueIssued(scope, year, destinationFor(scope.schoolCode()));
    }

    @Override
    public int requeueFailed(SchoolScope scope) {
        return outbox.requeueFailed(scope, destinationFor(scope.schoolCode()));
    }

    @Override
    public int requeue(SchoolScope scope, Collection<RecordRef> refs) {
        return outbox.requeue(scope, refs, destinationFor(scope.schoolCode()));
    }

    @Override
    public DeliverySummary deliverPending(SchoolScope scope) {
        String transportId = transportIdFor(scope.schoolCode());
        Transport transport = transports.get(transportId);
        if (transport == null) {
            return new DeliverySummary(0, 0, 0, List.of("transport \"" + transportId + "\" of school "
                    + scope.schoolCode() + " is not available; versions wait in the outbox"));
        }
        String name = schools.school(scope).map(School::name).orElse(scope.schoolCode());
        synchronized (schoolLocks.computeIfAbsent(scope.schoolCode(), k -> new Object())) {
            return outbox.deliver(scope, name, destinationFor(scope.schoolCode()), transport);
        }
    }

    @Override
    public List<ExportState> status(SchoolScope scope, RecordRef ref) {
        return states.exports(scope, ref);
    }

    @Override
    public List<ExportState> statusOfSchool(SchoolScope scope, TaskStatus status) {
        return states.exportsWithStatus(scope, destinationFor(scope.schoolCode()), status);
    }

    @Override
    public ExportPackage buildPackage(SchoolScope scope, List<RecordRef> refs, Path directory) {
        List<PackageWriter.Item> items = new ArrayList<>();
        String namespace = null;
        for (RecordRef ref : refs) {
            StoredRecord r = records.find(scope, ref).filter(s -> s.state().isIssued()
                    || s.state() == vn.hocba.model.RecordState.SUPERSEDED).orElseThrow(() -> new ExportException(
                    "Không có học bạ đã phát hành " + ref, "No issued record version " + ref));
            byte[] xml = records.artefact(scope, ref, ArtefactKind.XML).orElseThrow(() -> new ExportException(
                    "Học bạ " + ref + " không có tệp XML", "Record " + ref + " has no XML"));
            String ns = XmlNamespace.of(xml);
            if (namespace != null && !namespace.equals(ns)) {
                throw new ExportException("Các học bạ dùng nhiều lược đồ khác nhau; hãy tách thành nhiều gói",
                        "The records use different schemas; build one package per schema");
            }
            namespace = ns;
            items.add(PackageWriter.Item.of(r.record(), xml, records.artefact(scope, ref, ArtefactKind.PDF).orElse(null)));
        }
        if (items.isEmpty()) throw new ExportException("Chưa chọn học bạ nào", "No record versions given");
        String ns = namespace;
        Exporter exporter = exporterByNamespace(ns).orElseThrow(() -> new ExportException(
                "Không có bộ xuất dữ liệu cho lược đồ " + ns, "No exporter for schema " + ns));
        String name = schools.school(scope).map(School::name).orElse(scope.schoolCode());
        return PackageWriter.write(UUID.randomUUID().toString(), scope.schoolCode(), name,
                new PackageWriter.SchemaInfo(exporter.id(), exporter.schemaNamespace(), exporter.schemaVersion()), items,
                seals.sealOf(scope.schoolCode()), directory);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExporter(Exporter exporter) {
        exporters.put(exporter.id(), exporter);
    }

    void removeExporter(Exporter exporter) {
        exporters.remove(exporter.id(), exporter);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTransport(Transport transport) {
        transports.put(transport.id(), transport);
    }

    void removeTransport(Transport transport) {
        transports.remove(transport.id(), transport);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(SignatureProvider provider) {
        providers.put(provider.id(), provider);
    }

    void removeProvider(SignatureProvider provider) {
        providers.remove(provider.id(), provider);
    }
}
