package vn.hocba.signing.testpki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A province's package receiver on 127.0.0.1 (the HTTP transport's contract: {@code POST} of the ZIP with an
 * {@code Idempotency-Key}) that misbehaves: a sixth of the requests fail before anything is stored (503), a sixth are
 * stored but their answer is "lost" (500), so the sender tries again and the receiver answers the same package a
 * second time (as a duplicate). It can be restarted on the same port, keeping what it stored (its database), and it
 * can hold its answers (store, then wait) so that the sender can be stopped while its package is in flight.
 *
 * <p>It keeps one copy per Idempotency-Key and counts how often each record version ({@code recordId/vN}, from the
 * package's {@code manifest.xml}) was stored: exactly once each is what the sender must achieve. A repeat whose bytes
 * differ from the first copy, or a package whose SHA-256 header, manifest or entries do not match, is counted.
 * Only the JDK and no hocba type: the unit tests of the export bundles and the itests both use it.
 */
public final class FlakyReceiver implements AutoCloseable {

    private static final Pattern RECORD = Pattern.compile("<record id=\"([^\"]+)\" version=\"(\\d+)\"");

    private final Random random;
    private final double failureShare;
    private final int port;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "flaky-receiver");
        t.setDaemon(true);
        return t;
    });
    private volatile HttpServer server;
    private volatile CountDownLatch hold;
    private volatile int holdFrom = -1;
    private final Map<String, String> receipts = new LinkedHashMap<>();
    private final Map<String, String> payloads = new HashMap<>();
    private final Map<String, Integer> stored = new LinkedHashMap<>();
    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicInteger failedBefore = new AtomicInteger();
    public final AtomicInteger lostAnswers = new AtomicInteger();
    public final AtomicInteger duplicatesAnswered = new AtomicInteger();
    public final AtomicInteger restarts = new AtomicInteger();
    /** Answers held back by {@link #holdAnswers()} (the package was stored before). */
    public final AtomicInteger held = new AtomicInteger();
    /** A key seen again with other bytes: the sender changed a package it had already sent. */
    public final AtomicInteger changedRepeats = new AtomicInteger();
    /** A body whose SHA-256 header, manifest or entries do not match. */
    public final AtomicInteger malformed = new AtomicInteger();

    /** Fails a third of the requests (a sixth before storing, a sixth after). */
    public FlakyReceiver(long seed) throws IOException {
        this(seed, 1.0 / 3);
    }

    /** @param failureShare the share of requests that fail, half before storing and half after (0: none fails) */
    public FlakyReceiver(long seed, double failureShare) throws IOException {
        this.random = new Random(seed);
        this.failureShare = failureShare;
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        this.port = s.getAddress().getPort();
        start(s);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/packages";
    }

    private void start(HttpServer s) {
        s.createContext("/packages", this::handle);
        s.setExecutor(handlers); // a held answer must not block the requests behind it
        s.start();
        server = s;
    }

    /** Stops and starts again on the same port; what was stored stays. */
    public void restart() throws IOException, InterruptedException {
        server.stop(0);
        restarts.incrementAndGet();
        Thread.sleep(200);
        for (int i = 0; ; i++) {
            try {
                start(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50));
                return;
            } catch (java.net.BindException e) {
                if (i > 50) throw e;
                Thread.sleep(100);
            }
        }
    }

    /**
     * From now on every request is stored (no failure drawn) and its answer waits until {@link #releaseAnswers()}:
     * the sender can be stopped while the receiver holds its package.
     */
    public void holdAnswers() {
        hold = new CountDownLatch(1);
    }

    /**
     * {@link #holdAnswers()} as soon as this many record versions are stored: the sender is then caught in the middle
     * of its delivery, whatever its pace.
     */
    public void holdAnswersFrom(int storedRecords) {
        holdFrom = storedRecords;
    }

    /** Answers what was held (the sender may be gone by then) and goes back to failing at random. */
    public void releaseAnswers() {
        holdFrom = -1;
        CountDownLatch h = hold;
        hold = null;
        if (h != null) h.countDown();
    }

    /** How many times each record version ({@code recordId/vN}) was stored. */
    public synchronized Map<String, Integer> stored() {
        return Map.copyOf(stored);
    }

    public synchronized int storedCount() {
        return stored.size();
    }

    /** Packages stored (distinct Idempotency-Keys). */
    public synchronized int packages() {
        return receipts.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            requests.incrementAndGet();
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null || key.isBlank()) {
                answer(ex, 400, "{\"error\":\"Idempotency-Key required\"}");
                return;
            }
            CountDownLatch h;
            double dice;
            synchronized (this) {
                if (hold == null && holdFrom >= 0 && stored.size() >= holdFrom) holdAnswers();
                h = hold;
                dice = h != null ? 1 : random.nextDouble();
            }
            if (dice < failureShare / 2) {
                failedBefore.incrementAndGet();
                answer(ex, 503, "{\"error\":\"busy\"}");
                return;
            }
            String sha256 = sha256(body);
            String declared = ex.getRequestHeaders().getFirst("X-Hocba-Package-Sha256");
            List<String> records = records(body);
            if (records.isEmpty() || (declared != null && !declared.equalsIgnoreCase(sha256))) {
                malformed.incrementAndGet();
                answer(ex, 400, "{\"error\":\"not a complete package\"}");
                return;
            }
            String receipt;
            boolean duplicate;
            synchronized (this) {
                duplicate = receipts.containsKey(key);
                if (!duplicate) {
                    for (String record : records) stored.merge(record, 1, Integer::sum);
                    receipts.put(key, "BN-" + (receipts.size() + 1));
                    payloads.put(key, sha256);
                } else {
                    duplicatesAnswered.incrementAndGet();
                    if (!payloads.get(key).equals(sha256)) changedRepeats.incrementAndGet();
                }
                receipt = receipts.get(key);
            }
            if (h != null) {
                held.incrementAndGet();
                h.await(120, TimeUnit.SECONDS);
            } else if (dice < failureShare) {
                lostAnswers.incrementAndGet();
                answer(ex, 500, "{\"error\":\"answer lost\"}");
                return;
            }
            answer(ex, duplicate ? 200 : 201, "{\"receiptId\":\"" + receipt + "\",\"packageId\":\"" + key
                    + "\",\"duplicate\":" + duplicate + "}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the sender hung up (stopped while its answer was held): what was stored stays stored
        } finally {
            ex.close();
        }
    }

    /**
     * The record versions of the package's manifest, if every one has its XML and PDF entry; empty for a body that
     * is not such a package.
     */
    private static List<String> records(byte[] zip) throws IOException {
        List<String> keys = new ArrayList<>();
        Set<String> entries = new TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.add(e.getName());
                if (e.getName().equals("manifest.xml")) {
                    Matcher m = RECORD.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) keys.add(m.group(1) + "/v" + m.group(2));
                }
            }
        } catch (IOException notAZip) {
            return List.of();
        }
        for (String k : keys) {
            String file = "records/" + k.replace("/v", "-v");
            if (!entries.contains(file + ".xml") || !entries.contains(file + ".pdf")) return List.of();
        }
        return entries.contains("manifest.xml.p7s") ? keys : List.of();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        releaseAnswers();
        server.stop(0);
        handlers.shutdownNow();
    }
}
