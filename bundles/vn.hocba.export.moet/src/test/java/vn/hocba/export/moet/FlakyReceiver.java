package vn.hocba.export.moet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A province receiver on 127.0.0.1 that misbehaves: a sixth of the requests fail before anything is stored (503), a
 * sixth are stored but their answer is "lost" (500), so the sender tries again and the receiver answers the same
 * package a second time (as a duplicate); it can be restarted on the same port, keeping what it stored (its
 * database). It dedupes by the Idempotency-Key, and counts how often each record version ({@code recordId/vN}) was
 * stored: exactly once each is what the sender must achieve. Only the JDK, so the itests can copy it.
 */
public final class FlakyReceiver implements AutoCloseable {

    private static final Pattern RECORD = Pattern.compile("<record id=\"([^\"]+)\" version=\"(\\d+)\"");

    private final Random random;
    private final int port;
    private volatile HttpServer server;
    private final Map<String, String> receipts = new LinkedHashMap<>();
    private final Map<String, Integer> stored = new LinkedHashMap<>();
    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicInteger failedBefore = new AtomicInteger();
    public final AtomicInteger lostAnswers = new AtomicInteger();
    public final AtomicInteger duplicatesAnswered = new AtomicInteger();
    public final AtomicInteger restarts = new AtomicInteger();

    public FlakyReceiver(long seed) throws IOException {
        this.random = new Random(seed);
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        this.port = s.getAddress().getPort();
        start(s);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/packages";
    }

    private void start(HttpServer s) {
        s.createContext("/packages", this::handle);
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

    /** How many times each record version was stored. */
    public synchronized Map<String, Integer> stored() {
        return Map.copyOf(stored);
    }

    public synchronized int storedCount() {
        return stored.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        double dice;
        synchronized (this) {
            dice = random.nextDouble();
        }
        if (key == null || key.isBlank()) {
            answer(ex, 400, "{\"error\":\"Idempotency-Key required\"}");
            return;
        }
        if (dice < 1.0 / 6) {
            failedBefore.incrementAndGet();
            answer(ex, 503, "{\"error\":\"busy\"}");
            return;
        }
        String receipt;
        boolean duplicate;
        synchronized (this) {
            duplicate = receipts.containsKey(key);
            if (!duplicate) {
                for (String record : records(body)) stored.merge(record, 1, Integer::sum);
                receipts.put(key, "BN-" + (receipts.size() + 1));
            } else {
                duplicatesAnswered.incrementAndGet();
            }
            receipt = receipts.get(key);
        }
        if (dice < 2.0 / 6) {
            lostAnswers.incrementAndGet();
            answer(ex, 500, "{\"error\":\"answer lost\"}");
            return;
        }
        answer(ex, duplicate ? 200 : 201, "{\"receiptId\":\"" + receipt + "\",\"packageId\":\"" + key
                + "\",\"duplicate\":" + duplicate + "}");
    }

    private static java.util.List<String> records(byte[] zip) throws IOException {
        java.util.List<String> keys = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals("manifest.xml")) {
                    Matcher m = RECORD.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) keys.add(m.group(1) + "/v" + m.group(2));
                }
            }
        }
        return keys;
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
