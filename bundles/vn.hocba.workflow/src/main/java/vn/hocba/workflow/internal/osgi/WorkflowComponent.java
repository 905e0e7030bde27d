package vn.hocba.workflow.internal.osgi;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.export.ExportService;
import vn.hocba.export.TransferService;
import vn.hocba.model.RecordState;
import vn.hocba.render.RecordRenderer;
import vn.hocba.rules.RecordValidator;
import vn.hocba.rules.YearResultRules;
import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.RecordStatus;
import vn.hocba.signing.RecordStatusLookup;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.XadesEngine;
import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.store.AuditTrail;
import vn.hocba.store.ProcessingStateRepository;
import vn.hocba.store.PupilRepository;
import vn.hocba.store.RecordRepository;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;
import vn.hocba.workflow.WorkflowService;
import vn.hocba.workflow.internal.Engines;
import vn.hocba.workflow.internal.IssuedStatus;
import vn.hocba.workflow.internal.JobProcessor;
import vn.hocba.workflow.internal.Settings;
import vn.hocba.workflow.internal.Stores;
import vn.hocba.workflow.internal.WorkflowCore;
import vn.hocba.workflow.internal.jobs.DocumentIndex;
import vn.hocba.workflow.internal.jobs.JdbcDocumentIndex;
import vn.hocba.workflow.internal.jobs.JdbcJobStore;
import vn.hocba.workflow.internal.jobs.JobStore;

/**
 * The workflow on a host: the {@link WorkflowService}, the workers that claim job items from the shared job tables,
 * and the {@link RecordStatusLookup} a verifier asks "is this document still the official one?".
 *
 * <p>Renderer, engines, providers and rules are dynamic: when one goes away the items that need it wait and are
 * retried, and the host keeps serving everything else.
 */
@Component(service = { WorkflowService.class, RecordStatusLookup.class, WorkflowComponent.class },
        configurationPid = WorkflowComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WorkflowConfig.class)
public final class WorkflowComponent implements WorkflowService, RecordStatusLookup, Engines {

    public static final String PID = "vn.hocba.workflow";
    private static final Logger LOG = Logger.getLogger(WorkflowComponent.class.getName());

    private final Map<String, SignatureProvider> providers = new ConcurrentHashMap<>();
    private volatile RecordRenderer renderer;
    private volatile PadesEngine pades;
    private volatile XadesEngine xades;
    private volatile SigningService signing;
    private volatile YearResultRules rules;
    private volatile RecordValidator validator;
    private volatile ExportService export;
    private volatile TransferService transfers;

    private final Stores stores;
    private final JobStore jobs;
    private final DocumentIndex documents;
    private final Settings settings;
    private final WorkflowCore core;
    private final JobProcessor processor;
    private final Object wake = new Object();
    private final ExecutorService workers;
    private volatile boolean running = true;

    @Activate
    public WorkflowComponent(WorkflowConfig config, BundleContext context,
            @Reference RecordRepository records, @Reference SchoolRepository schools,
            @Reference PupilRepository pupils, @Reference ProcessingStateRepository processing,
            @Reference AuditTrail audit,
            @Reference(name = "dataSourceFactory") DataSourceFactory dataSourceFactory) throws SQLException {
        this.stores = new Stores(records, schools, pupils, processing, audit);
        DataSource dataSource = dataSourceFactory.createDataSource(connection(config, context));
        this.jobs = new JdbcJobStore(dataSource);
        this.documents = new JdbcDocumentIndex(dataSource);
        this.settings = settings(config);
        Map<String, Authorisation> authorisations = new ConcurrentHashMap<>();
        Clock clock = Clock.systemUTC();
        this.core = new WorkflowCore(stores, this, jobs, documents, settings, clock, authorisations, this::wakeUp);
        this.processor = new JobProcessor(stores, this, jobs, documents, settings, clock, authorisations);
        int threads = config.runJobs() ? Math.max(1, config.threads()) : 0;
        this.workers = threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hocba-workflow-" + settings.hostId());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) workers.submit(() -> work(config.pollMillis()));
        LOG.info(() -> "hocba workflow on host " + settings.hostId() + ", " + threads + " worker(s)");
    }

    static Properties connection(WorkflowConfig config, BundleContext context) {
        String url = config.url().isBlank() ? defaultDerbyUrl(context) : config.url().strip();
        Properties p = new Properties();
        p.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!config.user().isEmpty()) p.setProperty(DataSourceFactory.JDBC_USER, config.user());
        if (!config._password().isEmpty()) p.setProperty(DataSourceFactory.JDBC_PASSWORD, config._password());
        return p;
    }

    /** The store's default database: {@code ${hocba.data.dir}/derby/hocba}. */
    static String defaultDerbyUrl(BundleContext context) {
        String dataDir = context.getProperty("hocba.data.dir");
        Path dir = Path.of(dataDir == null || dataDir.isBlank() ? "hocba-data" : dataDir).toAbsolutePath()
                .resolve("derby").resolve("hocba");
        return "jdbc:derby:" + dir + ";create=true";
    }

    static Settings settings(WorkflowConfig c) {
        Map<String, String> seals = new HashMap<>();
        for (String pair : c.sealSigners()) {
            for (String one : pair.split(",")) {
                int eq = one.indexOf('=');
                if (eq > 0) seals.put(one.substring(0, eq).strip(), one.substring(eq + 1).strip());
            }
        }
        Map<String, Settings.Principal> principals = new HashMap<>();
        for (String entry : c.principals()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) continue;
            String[] nameAndTitle = entry.substring(eq + 1).split("\\|", 2);
            principals.put(entry.substring(0, eq).strip(), new Settings.Principal(nameAndTitle[0].strip(),
                    nameAndTitle.length > 1 ? nameAndTitle[1].strip() : "Hiệu trưởng"));
        }
        return new Settings(c.hostId().isBlank() ? defaultHostId() : c.hostId().strip(), c.batchSize(),
                c.singleChunk(), c.leaseSeconds() * 1000L, c.retrySeconds() * 1000L, c.maxAttempts(),
                BaselineLevel.valueOf(c.signLevel()), BaselineLevel.valueOf(c.sealLevel()), seals, principals,
                c.exportXml());
    }

    /** Unique per running host: a restarted host must not think it still owns its predecessor's items. */
    static String defaultHostId() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            name = "host";
        }
        return name + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private void work(int pollMillis) {
        while (running) {
            try {
                if (processor.runOnce()) continue;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "workflow worker: " + e.getMessage(), e);
            }
            synchronized (wake) {
                if (!running) return;
                try {
                    wake.wait(Math.max(50, pollMillis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        wakeUp();
        if (workers != null) {
            workers.shutdown();
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) workers.shutdownNow();
        }
    }

    /** This host's name in the job tables. */
    public String hostId() {
        return settings.hostId();
    }

    /** Does the work that is claimable now on the calling thread (the shell's {@code hocba:job run}). */
    public int drain() {
        return processor.drain();
    }

    /** The signature providers registered now, by id. */
    public List<String> providerIds() {
        return new ArrayList<>(new java.util.TreeSet<>(providers.keySet()));
    }

    // --- dynamic references

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(SignatureProvider provider) {
        providers.put(provider.id(), provider);
        wakeUp();
    }

    void removeProvider(SignatureProvider provider) {
        providers.remove(provider.id(), provider);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRenderer(RecordRenderer r) {
        renderer = r;
        wakeUp();
    }

    void unsetRenderer(RecordRenderer r) {
        if (renderer == r) renderer = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPades(PadesEngine e) {
        pades = e;
        wakeUp();
    }

    void unsetPades(PadesEngine e) {
        if (pades == e) pades = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setXades(XadesEngine e) {
        xades = e;
    }

    void unsetXades(XadesEngine e) {
        if (xades == e) xades = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSigning(SigningService s) {
        signing = s;
        wakeUp();
    }

    void unsetSigning(SigningService s) {
        if (signing == s) signing = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setExport(ExportService e) {
        export = e;
        wakeUp();
    }

    void unsetExport(ExportService e) {
        if (export == e) export = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setTransfers(TransferService t) {
        transfers = t;
    }

    void unsetTransfers(TransferService t) {
        if (transfers == t) transfers = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRules(YearResultRules r) {
        rules = r;
    }

    void unsetRules(YearResultRules r) {
        if (rules == r) rules = null;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setValidator(RecordValidator v) {
        validator = v;
    }

    void unsetValidator(RecordValidator v) {
        if (validator == v) validator = null;
    }

    @Override
    public Optional<ExportService> export() {
        return Optional.ofNullable(export);
    }

    @Override
    public Optional<TransferService> transfers() {
        return Optional.ofNullable(transfers);
    }

    @Override
    public Optional<RecordRenderer> renderer() {
        return Optional.ofNullable(renderer);
    }

    @Override
    public Optional<PadesEngine> pades() {
        return Optional.ofNullable(pades);
    }

    @Override
    public Optional<XadesEngine> xades() {
        return Optional.ofNullable(xades);
    }

    @Override
    public Optional<SigningService> signing() {
        return Optional.ofNullable(signing);
    }

    @Override
    public Optional<SignatureProvider> provider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    @Override
    public Optional<YearResultRules> rules() {
        return Optional.ofNullable(rules);
    }

    @Override
    public Optional<RecordValidator> validator() {
        return Optional.ofNullable(validator);
    }

    // --- RecordStatusLookup

    @Override
    public Optional<RecordStatus> byDocumentSha256(String sha256Hex) {
        return IssuedStatus.of(documents, stores.records(), sha256Hex);
    }

    // --- WorkflowService, delegated

    @Override
    public List<vn.hocba.workflow.ClassSummary> classes(vn.hocba.security.Caller caller, String schoolCode,
            String year) {
        return core.classes(caller, schoolCode, year);
    }

    @Override
    public List<vn.hocba.workflow.RecordSummary> records(vn.hocba.security.Caller caller, String schoolCode,
            String year, String className, RecordState state) {
        return core.records(caller, schoolCode, year, className, state);
    }

    @Override
    public StoredRecord record(vn.hocba.security.Caller caller, String recordId) {
        return core.record(caller, recordId);
    }

    @Override
    public List<StoredRecord> versions(vn.hocba.security.Caller caller, String recordId) {
        return core.versions(caller, recordId);
    }

    @Override
    public Optional<byte[]> artefact(vn.hocba.security.Caller caller, String recordId,
            vn.hocba.store.ArtefactKind kind) {
        return core.artefact(caller, recordId, kind);
    }

    @Override
    public vn.hocba.workflow.JobView submit(vn.hocba.security.Caller caller, vn.hocba.workflow.JobRequest request) {
        return core.submit(caller, request);
    }

    @Override
    public vn.hocba.workflow.JobView job(vn.hocba.security.Caller caller, String jobId) {
        return core.job(caller, jobId);
    }

    @Override
    public List<vn.hocba.workflow.JobView> jobs(vn.hocba.security.Caller caller, String schoolCode, int limit) {
        return core.jobs(caller, schoolCode, limit);
    }

    @Override
    public vn.hocba.workflow.JobView cancel(vn.hocba.security.Caller caller, String jobId) {
        return core.cancel(caller, jobId);
    }

    @Override
    public StoredRecord correct(vn.hocba.security.Caller caller, String recordId, String reason) {
        return core.correct(caller, recordId, reason);
    }

    @Override
    public StoredRecord revoke(vn.hocba.security.Caller caller, String recordId, String reason) {
        return core.revoke(caller, recordId, reason);
    }

    @Override
    public StoredRecord reopen(vn.hocba.security.Caller caller, String recordId, String reason) {
        return core.reopen(caller, recordId, reason);
    }

    @Override
    public vn.hocba.workflow.Decision check(vn.hocba.security.Caller caller, String recordId,
            vn.hocba.workflow.Step step) {
        return core.check(caller, recordId, step);
    }

    @Override
    public List<vn.hocba.workflow.SchoolProgress> progress(vn.hocba.security.Caller caller, String district,
            String year) {
        return core.progress(caller, district, year);
    }

    /** Writes a refused action (e.g. an unauthenticated call) into the school's audit trail. */
    public void auditRefusal(String actor, String schoolCode, String what, String reason) {
        core.auditRefusal(actor, schoolCode, what, reason);
    }

    static SchoolScope scope(String school) {
        return SchoolScope.of(school);
    }
}
