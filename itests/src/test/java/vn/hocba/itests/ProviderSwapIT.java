package vn.hocba.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportRequest;
import vn.hocba.assessment.ImportService;
import vn.hocba.assessment.ImportStatus;
import vn.hocba.model.RecordState;
import vn.hocba.security.Caller;
import vn.hocba.security.Grant;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.SignatureVerifier;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.ProcessingStateRepository;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.SigningState;
import vn.hocba.store.StoredRecord;
import vn.hocba.workflow.ItemStatus;
import vn.hocba.workflow.JobKind;
import vn.hocba.workflow.JobRequest;
import vn.hocba.workflow.JobStatus;
import vn.hocba.workflow.JobView;
import vn.hocba.workflow.RecordSummary;
import vn.hocba.workflow.WorkflowService;

/**
 * Issue 7's runtime swap on the real assembly, inside a running framework: the homeroom teacher of 3A signs a first
 * batch through the PKCS#12 provider (certificate A); ConfigAdmin then routes the same signer to the CSC provider
 * (a remote signing service on loopback, certificate B) and the next batch is signed by B, then to the PKCS#11
 * provider (a SoftHSM2 token, certificate C) and the next batch is signed by C — with no component or bundle
 * restarted. Then, routed back to CSC, the CSC provider's bundle is stopped while its signHash is under way (the
 * test service holds it until the bundle is stopped): that batch fails as a whole — its items are given back with
 * the reason, its records stay LOCKED with the very same PDF and no signing state — and once the bundle is started
 * again the same job signs them.
 *
 * <p>The probe uses only JDK, OSGi and hocba API packages; the test PKI, its TSA and the CSC service run outside
 * the framework ({@link ProviderSwapSetup}). The steps build on one another and run in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ProviderSwapIT {

    private static final String SCHOOL = "HP-AL-TH01";
    private static final String YEAR = "2024-2025";
    private static final String CLASS = "3A";
    private static final String SIGNER = "gv3a";
    private static final String CSC_PROVIDER = "csc-test";
    private static final String TOKEN_PROVIDER = "pkcs11-test";
    private static final Caller TEACHER = new Caller(SIGNER, "Phạm Thị Lan", List.of(Grant.teacher(SCHOOL, CLASS)));
    private static final long TIMEOUT = 120_000;

    // carried from one step to the next (the probe's class lives as long as the framework)
    private static List<String> records;
    private static long signingServiceId;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        Path dataDir = Assembly.tempDataDir();
        Option[] assembly = Assembly.options(f -> true, dataDir);
        Option[] all = Arrays.copyOf(assembly, assembly.length + 1);
        all[assembly.length] = ProviderSwapSetup.options(dataDir);
        return all;
    }

    /** Once: the engines' and providers' configuration, then 3A imported, locked and rendered. */
    @Before
    public void classRenderedAndProvidersConfigured() throws Exception {
        if (records != null) return;
        ConfigurationAdmin admin = service(ConfigurationAdmin.class);
        update(admin.getConfiguration("vn.hocba.signing.pades", "?"), Map.of(
                "tsaUrl", prop("tsaUrl"), "trustAnchorsDir", prop("trustAnchors")));
        // quick retries: a batch whose provider went away is retried every second until it is back
        update(admin.getConfiguration("vn.hocba.workflow", "?"), Map.of("signLevel", "B_T", "pollMillis", 200,
                "retrySeconds", 1, "leaseSeconds", 30, "maxAttempts", 1000));
        await("the workflow runs with its test configuration", () -> {
            ServiceReference<WorkflowService> ref = context.getServiceReference(WorkflowService.class);
            return ref != null && "1".equals(String.valueOf(ref.getProperty("retrySeconds")));
        });
        update(admin.getFactoryConfiguration("vn.hocba.signing.pkcs12.keystore", "gv3a", "?"), Map.of(
                "path", prop("p12"), "password", prop("p12Password"), "schoolCode", SCHOOL, "signerId", SIGNER));
        update(admin.getFactoryConfiguration("vn.hocba.signing.csc", "swap", "?"), Map.of(
                "provider.id", CSC_PROVIDER, "baseUrl", prop("cscUrl"), "authType", "BASIC",
                "username", prop("cscUser"), ".password", prop("cscPassword"), "schoolCode", SCHOOL,
                "signers", new String[] {SIGNER + "=" + prop("cscUserId")}));
        update(admin.getFactoryConfiguration("vn.hocba.signing.pkcs11", "swap", "?"), Map.of(
                "provider.id", TOKEN_PROVIDER, "library", prop("tokenLibrary"),
                "slotListIndex", Integer.parseInt(prop("tokenSlotListIndex")), "pinPolicy", "CONFIGURED",
                ".pin", prop("tokenPin"), "schoolCode", SCHOOL, "signerIds", new String[] {SIGNER}));
        route("pkcs12");

        ImportService imports = service(ImportService.class);
        ImportReport report;
        try (InputStream csv = Files.newInputStream(Path.of(prop("csv")))) {
            report = imports.importFile(ImportRequest.of(SCHOOL, "lop-3a-2024-2025.csv", "itest"), csv);
        }
        assertEquals(report.toJson(), ImportStatus.STORED, report.status());

        WorkflowService workflow = workflow();
        List<String> ids = workflow.records(TEACHER, SCHOOL, YEAR, CLASS, null).stream()
                .map(RecordSummary::recordId).toList();
        assertEquals(8, ids.size());
        assertCompleted(run(JobRequest.forClass(JobKind.LOCK, SCHOOL, YEAR, CLASS)), 8);
        assertCompleted(run(JobRequest.forClass(JobKind.RENDER, SCHOOL, YEAR, CLASS)), 8);
        records = ids;
    }

    @Test
    public void step1_theTeacherSignsThroughTheConfiguredPkcs12Keystore() throws Exception {
        signingServiceId = serviceId(SigningService.class);
        List<String> batch = records.subList(0, 2);
        assertCompleted(run(sign(batch)), 2);
        for (String id : batch) assertSignedOnceBy(id, prop("certA"), "pkcs12");
    }

    @Test
    public void step2_configAdminRoutesTheSameSignerToTheCscServiceAndTheNextBatchIsSignedThere() throws Exception {
        Map<String, Long> before = csc("held", "GET");
        route(CSC_PROVIDER);
        List<String> batch = records.subList(2, 4);
        assertCompleted(run(sign(batch)), 2);
        for (String id : batch) assertSignedOnceBy(id, prop("certB"), CSC_PROVIDER);
        Map<String, Long> after = csc("held", "GET");
        assertEquals("one authorisation for the batch", 1, after.get("authorizeCalls") - before.get("authorizeCalls"));
        assertEquals("one signHash for the batch", 1, after.get("signHashCalls") - before.get("signHashCalls"));
        // no restart: the signing service that read the new routing is the very same component instance
        assertEquals(signingServiceId, serviceId(SigningService.class));
        // and the first batch still carries certificate A
        assertSignedOnceBy(records.get(0), prop("certA"), "pkcs12");
    }

    @Test
    public void step3_thenToAPkcs11TokenAndTheNextBatchIsSignedByIt() throws Exception {
        route(TOKEN_PROVIDER);
        List<String> batch = records.subList(4, 6);
        assertCompleted(run(sign(batch)), 2);
        for (String id : batch) assertSignedOnceBy(id, prop("certC"), TOKEN_PROVIDER);
        assertEquals(signingServiceId, serviceId(SigningService.class));
        assertSignedOnceBy(records.get(2), prop("certB"), CSC_PROVIDER);
    }

    @Test
    public void step4_stoppingTheProviderBundleMidBatchFailsTheBatchWholeUntilItIsBack() throws Exception {
        route(CSC_PROVIDER);
        List<String> batch = records.subList(6, 8);
        WorkflowService workflow = workflow();
        Map<String, String> pdfBefore = new java.util.HashMap<>();
        for (String id : batch) pdfBefore.put(id, sha256(pdf(id)));
        Bundle cscBundle = Arrays.stream(context.getBundles())
                .filter(b -> "vn.hocba.signing.csc".equals(b.getSymbolicName())).findFirst().orElseThrow();

        Map<String, Long> before = csc("hold", "POST");
        String jobId;
        try {
            jobId = workflow.submit(TEACHER, sign(batch)).id();
            await("the batch's signHash reaches the CSC service", () -> csc("held", "GET").get("held") > 0);
            cscBundle.stop();
        } finally {
            csc("release", "POST");
        }
        assertEquals(Bundle.RESOLVED, cscBundle.getState());
        // the service did sign the held request; the stopped provider handed nothing on
        await("the job gives its items back (or, wrongly, writes them)", () -> {
            JobView j = workflow.job(TEACHER, jobId);
            return j.items().stream().allMatch(i -> i.status() == ItemStatus.PENDING && !i.messageEn().isEmpty())
                    || j.items().stream().anyMatch(i -> i.status().finished());
        });
        JobView failed = workflow.job(TEACHER, jobId);
        for (JobView.Item i : failed.items()) {
            assertEquals("given back, not written by a stopped provider: " + failed, ItemStatus.PENDING, i.status());
            // "… is unavailable: the provider was stopped", or after a retry "… is not available now"
            assertTrue("the reason names the provider: " + i, i.messageEn().contains(CSC_PROVIDER)
                    && i.messageEn().matches(".*(unavailable|not available).*") && i.messageVi().contains("sẵn sàng"));
        }
        assertEquals(failed.toString(), 0, failed.done());
        assertEquals(failed.toString(), 0, failed.failed());
        assertFalse(failed.toString(), failed.status() == JobStatus.COMPLETED);
        assertEquals(1, csc("held", "GET").get("signHashCalls") - before.get("signHashCalls"));
        PadesEngine pades = service(PadesEngine.class);
        for (String id : batch) {
            StoredRecord r = workflow.record(TEACHER, id);
            assertEquals(id, RecordState.LOCKED, r.state());
            byte[] pdf = pdf(id);
            assertEquals(id + ": the PDF is unchanged", pdfBefore.get(id), sha256(pdf));
            assertEquals(id + ": no signature in the PDF", List.of(), pades.signedRoles(pdf));
            assertEquals(id + ": no signing state", List.of(), signingStates(r));
        }

        cscBundle.start();
        JobView done = awaitJob(jobId);
        assertCompleted(done, 2);
        for (String id : batch) assertSignedOnceBy(id, prop("certB"), CSC_PROVIDER);
        assertEquals("signed again after the restart", 2, csc("held", "GET").get("signHashCalls") - before.get("signHashCalls"));
    }

    // --- the record and its PDF

    private void assertSignedOnceBy(String recordId, String certificateSha256, String providerId) throws Exception {
        StoredRecord r = workflow().record(TEACHER, recordId);
        assertEquals(recordId, RecordState.TEACHER_SIGNED, r.state());
        byte[] pdf = pdf(recordId);
        VerificationReport report = service(SignatureVerifier.class).verify(pdf);
        assertEquals(report.toString(), 1, report.signatures().size());
        VerificationReport.SignatureReport s = report.signatures().get(0);
        assertEquals(s.toString(), certificateSha256, s.signerCertificateSha256().toLowerCase());
        assertEquals(s.toString(), SignerRole.HOMEROOM_TEACHER, s.role());
        assertTrue(s.toString(), s.cryptographicallyValid());
        assertNotNull("time-stamped by the test TSA: " + s, s.timestampTime());
        assertEquals(report.toString(), VerificationReport.Indication.TOTAL_PASSED, report.indication());
        List<SigningState> states = signingStates(r);
        assertEquals(states.toString(), 1, states.size());
        assertEquals(states.toString(), providerId, states.get(0).providerId());
    }

    private byte[] pdf(String recordId) {
        return workflow().artefact(TEACHER, recordId, ArtefactKind.PDF).orElseThrow();
    }

    private List<SigningState> signingStates(StoredRecord r) {
        return service(ProcessingStateRepository.class).signing(SchoolScope.of(SCHOOL), r.ref()).stream()
                .filter(s -> s.role().equals(SignerRole.HOMEROOM_TEACHER.name())).toList();
    }

    // --- configuration

    /** The teacher's provider, by signer entry, as an administrator would set it; waits until the service reads it. */
    private void route(String providerId) throws Exception {
        update(service(ConfigurationAdmin.class).getConfiguration("vn.hocba.signing.providers", "?"),
                Map.of("signers", new String[] {SCHOOL + "/" + SIGNER + "=" + providerId}));
        SignerRef signer = new SignerRef(SCHOOL, SIGNER);
        await("the signing service routes " + signer + " to " + providerId, () -> {
            SigningService s = service(SigningService.class);
            return providerId.equals(s.providerFor(signer)) && !s.credentials(signer).isEmpty();
        });
    }

    private static void update(org.osgi.service.cm.Configuration c, Map<String, Object> properties) throws Exception {
        Dictionary<String, Object> d = new Hashtable<>(properties);
        c.update(d);
    }

    private static String prop(String name) {
        String v = System.getProperty("hocba.swap." + name);
        assertNotNull("system property hocba.swap." + name, v);
        return v;
    }

    // --- jobs

    private static JobRequest sign(List<String> recordIds) {
        return new JobRequest(JobKind.SIGN, SCHOOL, YEAR, CLASS, recordIds, "", "",
                Authorisation.pin(prop("cscPin").toCharArray()));
    }

    private JobView run(JobRequest request) throws Exception {
        return awaitJob(workflow().submit(TEACHER, request).id());
    }

    private JobView awaitJob(String jobId) throws Exception {
        JobView[] last = new JobView[1];
        await("job " + jobId + " finishes", () -> {
            last[0] = workflow().job(TEACHER, jobId);
            return last[0].status() == JobStatus.COMPLETED || last[0].status() == JobStatus.COMPLETED_WITH_ERRORS
                    || last[0].status() == JobStatus.CANCELLED;
        });
        return last[0];
    }

    private static void assertCompleted(JobView job, int done) {
        assertEquals(job.toString(), JobStatus.COMPLETED, job.status());
        assertEquals(job.toString(), done, job.done());
        assertTrue(job.toString(), job.items().stream().allMatch(i -> i.status() == ItemStatus.DONE));
    }

    private WorkflowService workflow() {
        return service(WorkflowService.class);
    }

    // --- the framework

    /** Trackers stay open for the probe's life: a service object is only good while it is held. */
    private static final Map<String, ServiceTracker<?, ?>> TRACKERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The service now (components come and go when their configuration changes): waits for one to be there. */
    @SuppressWarnings("unchecked")
    private <T> T service(Class<T> type) {
        try {
            ServiceTracker<T, T> tracker = (ServiceTracker<T, T>) TRACKERS.computeIfAbsent(type.getName(), n -> {
                ServiceTracker<T, T> t = new ServiceTracker<>(context, type, null);
                t.open();
                return t;
            });
            T s = tracker.waitForService(30_000);
            assertNotNull("no " + type.getName(), s);
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("waiting for " + type.getName(), e);
        }
    }

    private long serviceId(Class<?> type) {
        ServiceReference<?> ref = context.getServiceReference(type);
        assertNotNull(type.getName(), ref);
        return (Long) ref.getProperty("service.id");
    }

    /** Polls until the condition holds (exceptions count as "not yet"); fails with the last exception otherwise. */
    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT;
        Exception last = null;
        while (System.currentTimeMillis() < end) {
            try {
                if (Boolean.TRUE.equals(condition.call())) return;
            } catch (Exception | AssertionError e) {
                last = e instanceof Exception ex ? ex : new Exception(e);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out: " + what + (last == null ? "" : " (last: " + last + ")"), last);
    }

    // --- the CSC test service's control, over HTTP (its Java object lives outside the framework)

    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":(\\d+)");

    private static Map<String, Long> csc(String action, String method) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(prop("cscControl") + "/" + action).openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        assertEquals(200, c.getResponseCode());
        String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Long> out = new java.util.HashMap<>();
        Matcher m = NUMBER.matcher(body);
        while (m.find()) out.put(m.group(1), Long.parseLong(m.group(2)));
        return out;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
