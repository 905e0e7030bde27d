package vn.hocba.export.transport.http.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import vn.hocba.export.DeliveryReceipt;
import vn.hocba.export.ExportPackage;
import vn.hocba.export.spi.Transport;
import vn.hocba.export.spi.TransportException;

/**
 * POSTs each package (the ZIP, {@code application/zip}) to a configured endpoint with the header
 * {@code Idempotency-Key: <packageId>}, so the receiver keeps a package it gets twice only once. Optional client
 * certificate (PKCS#12) and trust store; retries with exponential back-off and jitter on network errors, 408, 425,
 * 429 and 5xx (honouring {@code Retry-After}), a bounded number of times; any other status is a refusal. A 2xx answer
 * is the receipt: its body is kept as is; {@code Idempotent-Replayed: true} or {@code "duplicate":true} marks a
 * repeat.
 */
@Component(service = Transport.class, configurationPid = HttpTransport.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = "transport.id=http")
@Designate(ocd = HttpTransport.Config.class)
public class HttpTransport implements Transport {

    static final String PID = "vn.hocba.export.transport.http";
    private static final Pattern RECEIPT_ID = Pattern.compile("\"receiptId\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern DUPLICATE = Pattern.compile("\"duplicate\"\\s*:\\s*true");

    @ObjectClassDefinition(name = "hocba export: HTTP transport",
            description = "Gửi gói dữ liệu học bạ đến máy chủ tiếp nhận / POST packages to the receiving endpoint")
    public @interface Config {
        @AttributeDefinition(description = "Endpoint URL, e.g. https://so-gddt.example/api/hocba/packages")
        String endpoint();

        @AttributeDefinition(description = "Tries per delivery before the outbox takes over")
        int maxAttempts() default 5;

        long initialBackoffMillis() default 500;

        long maxBackoffMillis() default 30_000;

        int timeoutSeconds() default 60;

        @AttributeDefinition(required = false, description = "PKCS#12 with the client certificate (optional)")
        String keyStore() default "";

        @AttributeDefinition(required = false, type = AttributeType.PASSWORD)
        String keyStorePassword() default "";

        @AttributeDefinition(required = false, description = "PKCS#12 with the receiver's CA certificates (optional)")
        String trustStore() default "";

        @AttributeDefinition(required = false, type = AttributeType.PASSWORD)
        String trustStorePassword() default "";

        @AttributeDefinition(required = false, type = AttributeType.PASSWORD,
                description = "Authorization header value, e.g. Bearer … (optional)")
        String authorization() default "";
    }

    /** Everything a delivery needs, replaced as a whole when the configuration changes. */
    record Settings(URI endpoint, int maxAttempts, BackOff backOff, Duration timeout, HttpClient client,
            String authorization) {
    }

    private final Clock clock = Clock.systemUTC();
    private volatile Settings settings;

    @Activate
    public HttpTransport(Config config) {
        this.settings = settings(config);
    }

    @Modified
    void modified(Config config) {
        this.settings = settings(config);
    }

    static Settings settings(Config c) {
        try {
            HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(Math.max(1, c.timeoutSeconds())));
            if (!c.keyStore().isBlank() || !c.trustStore().isBlank()) {
                b.sslContext(ClientSsl.context(c.keyStore(), c.keyStorePassword().toCharArray(), c.trustStore(),
                        c.trustStorePassword().toCharArray()));
            }
            return new Settings(URI.create(c.endpoint().strip()), Math.max(1, c.maxAttempts()),
                    new BackOff(Math.max(1, c.initialBackoffMillis()), Math.max(1, c.maxBackoffMillis())),
                    Duration.ofSeconds(Math.max(1, c.timeoutSeconds())), b.build(), c.authorization().strip());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS for the HTTP transport: " + e.getMessage(), e);
        }
    }

    @Override
    public String id() {
        return "http";
    }

    @Override
    public DeliveryReceipt deliver(ExportPackage pkg) throws TransportException {
        Settings s = settings;
        TransportException last = null;
        for (int attempt = 1; attempt <= s.maxAttempts(); attempt++) {
            if (attempt > 1) {
                long wait = last instanceof Retry r && r.retryAfterMillis > 0 ? r.retryAfterMillis
                        : s.backOff().delayBefore(attempt);
                sleep(wait);
            }
            try {
                return once(s, pkg);
            } catch (Retry r) {
                last = r;
            }
        }
        throw new TransportException(last.messageVi(), last.getMessage() + " (after " + s.maxAttempts() + " tries)",
                true, last);
    }

    private DeliveryReceipt once(Settings s, ExportPackage pkg) throws TransportException {
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(s.endpoint())
                    .timeout(s.timeout())
                    .header("Content-Type", "application/zip")
                    .header("Idempotency-Key", pkg.packageId())
                    .header("X-Hocba-School", pkg.manifest().schoolCode())
                    .header("X-Hocba-Package-Sha256", pkg.sha256())
                    .POST(HttpRequest.BodyPublishers.ofFile(pkg.file()));
            if (!s.authorization().isEmpty()) request.header("Authorization", s.authorization());
            response = s.client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            throw new TransportException("Không tìm thấy tệp gói " + pkg.file(), "The package file is missing: "
                    + pkg.file(), true, e);
        } catch (IOException e) {
            throw new Retry("Không gửi được gói " + pkg.packageId() + " đến " + s.endpoint() + ": " + e,
                    "Cannot send package " + pkg.packageId() + " to " + s.endpoint() + ": " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Việc gửi gói bị ngắt", "Delivery interrupted", true, e);
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 200 && status < 300) {
            boolean duplicate = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase)
                    .orElse(false) || DUPLICATE.matcher(body).find();
            Matcher m = RECEIPT_ID.matcher(body);
            String receiptId = response.headers().firstValue("X-Receipt-Id")
                    .or(() -> m.find() ? Optional.of(m.group(1)) : Optional.empty()).orElse(pkg.packageId());
            return new DeliveryReceipt(pkg.packageId(), receiptId, duplicate, true, clock.instant(), body);
        }
        String excerpt = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            long retryAfter = response.headers().firstValue("Retry-After").map(HttpTransport::seconds).orElse(0L);
            throw new Retry("Máy chủ tiếp nhận trả lời " + status + ", sẽ gửi lại: " + excerpt,
                    "The receiver answered " + status + ", will retry: " + excerpt, retryAfter, null);
        }
        throw new TransportException("Máy chủ tiếp nhận từ chối gói " + pkg.packageId() + " (" + status + "): " + excerpt,
                "The receiver refused package " + pkg.packageId() + " (" + status + "): " + excerpt, false, null);
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.min(300, Long.parseLong(retryAfter.strip())) * 1000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void sleep(long millis) throws TransportException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Việc gửi gói bị ngắt", "Delivery interrupted", true, e);
        }
    }

    /** A failure worth another try inside this delivery. */
    private static final class Retry extends TransportException {
        private static final long serialVersionUID = 1L;
        final long retryAfterMillis;

        Retry(String vi, String en, long retryAfterMillis, Throwable cause) {
            super(vi, en, true, cause);
            this.retryAfterMillis = retryAfterMillis;
        }
    }
}
