package vn.hocba.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST API of a {@link ChildHost} as the host platform's screens call it: HTTP Basic as one of the test's users,
 * JSON in and out, jobs started and polled until they finish.
 */
final class HocbaApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);

    private final ChildHost host;
    private final Map<String, String> passwords;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param passwords user id → password of the users written to the host's etc/ */
    HocbaApi(ChildHost host, Map<String, String> passwords) {
        this.host = host;
        this.passwords = passwords;
    }

    URI uri(String path) {
        return URI.create(host.baseUrl() + path);
    }

    // --- requests

    JsonNode getJson(String path, String user) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET(), user);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    HttpResponse<String> postJson(String path, String body, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user);
    }

    /** Sends as {@code user}, or anonymously when it is null. */
    HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        request.timeout(Duration.ofSeconds(60));
        return http.send(user == null ? request.build() : authorized(request, user).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request, String user) throws Exception {
        request.timeout(Duration.ofSeconds(60));
        return http.send(user == null ? request.build() : authorized(request, user).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
        String password = passwords.get(user);
        if (password == null) throw new IllegalArgumentException("no password for " + user);
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + token);
    }

    // --- records and verification

    /** The PDF of a record's current version, read as {@code user}. */
    byte[] pdf(String recordId, String user) throws Exception {
        HttpResponse<byte[]> r = sendForBytes(HttpRequest.newBuilder(uri("/records/" + recordId + "/pdf")).GET(), user);
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(new String(r.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        return r.body();
    }

    /** POST /verify (anonymous) of a PDF: the verification report. */
    JsonNode verify(byte[] pdf) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/verify")).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)), null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** POST /schools/{school}/imports of a hocba-csv file as {@code user}: the import report (status STORED). */
    JsonNode importCsv(String school, String fileName, byte[] csv, String user) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/schools/" + school + "/imports?filename=" + fileName))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)), user);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = JSON.readTree(r.body());
        assertEquals("STORED", report.path("status").asText(), r.body());
        return report;
    }

    /** The latest version of each record of a class (id, version, state, …), as {@code user} sees them. */
    JsonNode classRecords(String school, String year, String className, String user) throws Exception {
        return getJson("/schools/" + school + "/classes/" + className + "/records?year=" + year, user).path("records");
    }

    /**
     * One record's state and its current PDF read as a consistent pair: the PDF's SHA-256 must be the one the record
     * names (read again if the record moved on in between). The PDF is null when the record has none yet.
     */
    RecordAndPdf recordWithPdf(String recordId, String user) throws Exception {
        for (int attempt = 0; ; attempt++) {
            JsonNode record = getJson("/records/" + recordId, user);
            String named = record.path("artefacts").path("pdf").path("sha256").asText("");
            if (named.isEmpty()) return new RecordAndPdf(record, null);
            byte[] pdf = pdf(recordId, user);
            String actual = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
            if (actual.equalsIgnoreCase(named)) return new RecordAndPdf(record, pdf);
            if (attempt > 20) fail("the PDF of " + recordId + " keeps changing under its record");
        }
    }

    record RecordAndPdf(JsonNode record, byte[] pdf) {
        String state() {
            return record.path("state").asText();
        }
    }

    /** The signature dictionaries of a PDF (each signing revision adds one), counted by PDFBox. */
    static int signatures(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return doc.getSignatureDictionaries().size();
        }
    }

    // --- jobs

    /** The JSON scope of a whole class. */
    static String classScope(String school, String year, String className) {
        return "\"school\":\"" + school + "\",\"year\":\"" + year + "\",\"className\":\"" + className + "\"";
    }

    HttpResponse<String> postJob(String user, String kind, String scope) throws Exception {
        return postJson("/jobs", "{\"kind\":\"" + kind + "\"," + scope + "}", user);
    }

    /**
     * Starts a job and returns its id; a 503 (a service or credential not there yet: FileInstall delivers etc/
     * after the host is UP) is tried again for up to a minute.
     */
    String startJob(String user, String kind, String scope) throws Exception {
        HttpResponse<String> r = postJob(user, kind, scope);
        for (int attempt = 0; r.statusCode() == 503 && attempt < 60; attempt++) {
            Thread.sleep(1000);
            r = postJob(user, kind, scope);
        }
        assertEquals(202, r.statusCode(), kind + ": " + r.body());
        return JSON.readTree(r.body()).path("id").asText();
    }

    /** Polls a job until it is finished (COMPLETED…, CANCELLED or FAILED). */
    JsonNode awaitJob(String id, String user) throws Exception {
        long started = System.nanoTime();
        long deadline = started + JOB_TIMEOUT.toNanos();
        while (true) {
            JsonNode job = getJson("/jobs/" + id, user);
            String status = job.path("status").asText();
            if (status.startsWith("COMPLETED") || status.equals("CANCELLED") || status.equals("FAILED")) {
                System.out.printf("job %s %s: %s in %d ms%n", id, job.path("kind").asText(), status,
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return job;
            }
            if (System.nanoTime() > deadline) fail("job " + id + " did not finish: " + job + "\n" + host.tail());
            Thread.sleep(250);
        }
    }

    /**
     * Polls a job until it is finished like {@link #awaitJob}, while the host's services may come and go (a
     * configuration change re-creates the workflow and the REST resources re-register: 404 or 503 meanwhile).
     */
    JsonNode awaitJobAcrossReconfiguration(String id, String user) throws Exception {
        long started = System.nanoTime();
        long deadline = started + JOB_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/jobs/" + id)).GET(), user);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                JsonNode job = JSON.readTree(r.body());
                String status = job.path("status").asText();
                if (status.startsWith("COMPLETED") || status.equals("CANCELLED") || status.equals("FAILED")) {
                    System.out.printf("job %s %s: %s in %d ms%n", id, job.path("kind").asText(), status,
                            Duration.ofNanos(System.nanoTime() - started).toMillis());
                    return job;
                }
            } else if (r.statusCode() != 404 && r.statusCode() != 503) {
                fail("/jobs/" + id + ": " + last);
            }
            Thread.sleep(250);
        }
        fail("job " + id + " did not finish: " + last + "\n" + host.tail());
        return null;
    }

    /** Starts a job and polls it until it is finished. */
    JsonNode runJob(String user, String kind, String scope) throws Exception {
        return awaitJob(startJob(user, kind, scope), user);
    }

    /**
     * An issued record's state: ISSUED, or SENT / ACCEPTED once the school's export outbox (ISSUE queues every version
     * there) has delivered it — which a host with its export worker on does within seconds.
     */
    static void assertIssued(String state, String context) {
        assertTrue(java.util.Set.of("ISSUED", "SENT", "ACCEPTED").contains(state), state + ": " + context);
    }

    /** Records in an issued state (ISSUED, SENT, ACCEPTED) in a {@code byState} count. */
    static int issued(JsonNode byState) {
        return byState.path("ISSUED").asInt() + byState.path("SENT").asInt() + byState.path("ACCEPTED").asInt();
    }

    void assertCompleted(JsonNode job, int records) {
        assertEquals("COMPLETED", job.path("status").asText(), job + "\n" + host.tail());
        assertEquals(records, job.path("total").asInt(), job.toString());
        assertEquals(records, job.path("done").asInt(), job.toString());
        assertEquals(0, job.path("failed").asInt(), job.toString());
    }

    // --- start-up

    /** Waits until GET /health answers UP (90 s at most), failing early when the host process ends. */
    HocbaApi awaitUp() throws Exception {
        long booting = System.nanoTime();
        long deadline = booting + Duration.ofSeconds(90).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!host.isAlive()) fail("the host exited with " + host.exitValue() + "\n" + host.tail());
            try {
                HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/health")).GET(), null);
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && JSON.readTree(r.body()).path("status").asText().equals("UP")) {
                    System.out.printf("host UP in %d ms%n", Duration.ofNanos(System.nanoTime() - booting).toMillis());
                    return this;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        fail("the host is not UP after 90 s: " + last + "\n" + host.tail());
        return this;
    }

    /** Waits until GET /health lists this signature provider (its etc/ configuration has reached its component). */
    HocbaApi awaitProvider(String providerId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode providers = null;
        while (System.nanoTime() < deadline) {
            providers = getJson("/health", null).path("providers").path("signatureProviders");
            for (JsonNode p : providers) if (p.asText().equals(providerId)) return this;
            Thread.sleep(500);
        }
        fail("signature provider " + providerId + " is not registered: " + providers + "\n" + host.tail());
        return this;
    }

    /** Waits until GET /health says the store runs on this dialect (etc/vn.hocba.store.cfg has been applied). */
    HocbaApi awaitStore(String dialect) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode store = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/health")).GET(), null);
            if (r.statusCode() == 200) {
                store = JSON.readTree(r.body()).path("providers").path("store");
                if (store.path("dialect").asText().equals(dialect)) return this;
            }
            Thread.sleep(500);
        }
        fail("the store is not on " + dialect + ": " + store + "\n" + host.tail());
        return this;
    }

    /**
     * UP says the services are there, not that FileInstall has handed every etc/ file to ConfigAdmin yet: waits
     * until each user is known (any answer but 401 to an authenticated call).
     */
    HocbaApi awaitUsers(String probePath) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String user : passwords.keySet()) {
            while (true) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(uri(probePath)).GET(), user);
                if (r.statusCode() != 401) break;
                if (System.nanoTime() > deadline) fail(user + " is still unknown: " + r.body() + "\n" + host.tail());
                Thread.sleep(1000);
            }
        }
        return this;
    }
}
