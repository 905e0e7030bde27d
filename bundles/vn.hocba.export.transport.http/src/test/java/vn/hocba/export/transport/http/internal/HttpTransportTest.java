package vn.hocba.export.transport.http.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import vn.hocba.export.DeliveryReceipt;
import vn.hocba.export.ExportPackage;
import vn.hocba.export.PackageManifest;
import vn.hocba.export.spi.TransportException;
import vn.hocba.signing.testpki.TestPki;

class HttpTransportTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private ExportPackage pkg(String id) throws Exception {
        Path file = tmp.resolve(id + ".zip");
        Files.write(file, ("zip of " + id).getBytes(StandardCharsets.US_ASCII));
        PackageManifest m = new PackageManifest(PackageManifest.FORMAT, id, "HP-AL-TH01", "Trường Tiểu học An Lão",
                "moet-tieuhoc-1.0", "urn:hocba:moet:hocbaso-tieuhoc:1.0", "1.0", List.of(), List.of());
        return new ExportPackage(m, file, Files.size(file), "ab");
    }

    private String start(HttpServer s, int... statuses) {
        AtomicInteger n = new AtomicInteger();
        s.createContext("/packages", ex -> {
            keys.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
            try (InputStream in = ex.getRequestBody()) {
                bodies.add(in.readAllBytes());
            }
            int i = n.getAndIncrement();
            int status = i < statuses.length ? statuses[i] : 201;
            respond(ex, status, status == 201 ? "{\"receiptId\":\"BN-" + i + "\",\"duplicate\":false}" : "busy");
        });
        s.start();
        server = s;
        String scheme = s instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + s.getAddress().getPort() + "/packages";
    }

    private static void respond(HttpExchange ex, int status, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    static HttpTransport.Config config(Map<String, Object> values) {
        Map<String, Object> defaults = Map.of("maxAttempts", 4, "initialBackoffMillis", 10L, "maxBackoffMillis", 50L,
                "timeoutSeconds", 10, "keyStore", "", "keyStorePassword", "", "trustStore", "", "trustStorePassword", "",
                "authorization", "");
        return (HttpTransport.Config) Proxy.newProxyInstance(HttpTransport.Config.class.getClassLoader(),
                new Class<?>[] {HttpTransport.Config.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : defaults.get(method.getName()));
    }

    @Test
    void failuresAreRetriedWithTheSameIdempotencyKeyAndTheReceiptIsKept() throws Exception {
        String url = start(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), 503, 500);
        HttpTransport transport = new HttpTransport(config(Map.of("endpoint", url)));
        ExportPackage p = pkg("P-1");
        DeliveryReceipt receipt = transport.deliver(p);
        assertEquals(List.of("P-1", "P-1", "P-1"), keys);
        assertArrayEquals(Files.readAllBytes(p.file()), bodies.get(2));
        assertEquals("BN-2", receipt.receiptId());
        assertFalse(receipt.duplicate());
        assertTrue(receipt.body().contains("BN-2"));
    }

    @Test
    void aRefusalIsNotRetriedAndAnOutageGivesUpAfterTheBound() throws Exception {
        String url = start(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), 400, 503, 503, 503, 503, 503);
        HttpTransport transport = new HttpTransport(config(Map.of("endpoint", url)));
        TransportException refused = assertThrows(TransportException.class, () -> transport.deliver(pkg("P-2")));
        assertFalse(refused.retryable());
        assertEquals(1, keys.size());
        TransportException outage = assertThrows(TransportException.class, () -> transport.deliver(pkg("P-3")));
        assertTrue(outage.retryable());
        assertEquals(5, keys.size(), "4 more tries");
        assertTrue(outage.getMessage().contains("after 4 tries"), outage.getMessage());
    }

    @Test
    void aReceiverThatIsDownIsARetryableFailure() throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int port = s.getAddress().getPort();
        s.stop(0);
        HttpTransport transport = new HttpTransport(config(Map.of("endpoint", "http://127.0.0.1:" + port + "/x",
                "maxAttempts", 2)));
        TransportException e = assertThrows(TransportException.class, () -> transport.deliver(pkg("P-4")));
        assertTrue(e.retryable());
    }

    @Test
    void theClientCertificateIsPresentedToAReceiverThatRequiresOne() throws Exception {
        TestPki pki = TestPki.shared();
        char[] pw = "secret".toCharArray();
        Path clientP12 = TestPki.writePkcs12(tmp.resolve("client.p12"), pw, Map.of("school", pki.seal()));

        // the receiver: a server certificate for 127.0.0.1, trusting the test PKI's root for clients
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair serverKeys = g.generateKeyPair();
        X500Name name = new X500Name("CN=127.0.0.1");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plusSeconds(3600)), name, serverKeys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        X509Certificate serverCert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(serverKeys.getPrivate())));
        KeyStore serverKs = KeyStore.getInstance("PKCS12");
        serverKs.load(null, null);
        serverKs.setKeyEntry("server", serverKeys.getPrivate(), pw, new X509Certificate[] {serverCert});
        KeyStore serverTrust = KeyStore.getInstance("PKCS12");
        serverTrust.load(null, null);
        serverTrust.setCertificateEntry("root", pki.root().certificate());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKs, pw);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(serverTrust);
        SSLContext serverSsl = SSLContext.getInstance("TLS");
        serverSsl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverSsl) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = serverSsl.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        List<String> clients = new CopyOnWriteArrayList<>();
        https.createContext("/who", ex -> {
            var session = ((com.sun.net.httpserver.HttpsExchange) ex).getSSLSession();
            clients.add(((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName());
            ex.getRequestBody().readAllBytes();
            respond(ex, 201, "{\"receiptId\":\"TLS-1\"}");
        });
        https.start();
        server = https;

        Path trustP12 = tmp.resolve("trust.p12");
        KeyStore clientTrust = KeyStore.getInstance("PKCS12");
        clientTrust.load(null, null);
        clientTrust.setCertificateEntry("receiver", serverCert);
        try (var out = Files.newOutputStream(trustP12)) {
            clientTrust.store(out, pw);
        }
        String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/who";
        HttpTransport withCert = new HttpTransport(config(Map.of("endpoint", url, "keyStore", clientP12.toString(),
                "keyStorePassword", "secret", "trustStore", trustP12.toString(), "trustStorePassword", "secret")));
        assertEquals("TLS-1", withCert.deliver(pkg("P-5")).receiptId());
        assertEquals(1, clients.size());
        assertTrue(clients.get(0).contains("CN=Trường Tiểu học An Lão"), clients.get(0));

        HttpTransport without = new HttpTransport(config(Map.of("endpoint", url, "maxAttempts", 1,
                "trustStore", trustP12.toString(), "trustStorePassword", "secret")));
        assertThrows(TransportException.class, () -> without.deliver(pkg("P-6")));
        assertEquals(1, clients.size());
    }

    @Test
    void backOffGrowsWithJitterAndStaysBounded() {
        BackOff b = new BackOff(100, 1000);
        for (int i = 0; i < 50; i++) {
            long second = b.delayBefore(2);
            assertTrue(second >= 50 && second <= 100, "" + second);
            long third = b.delayBefore(3);
            assertTrue(third >= 100 && third <= 200, "" + third);
            long late = b.delayBefore(30);
            assertTrue(late >= 500 && late <= 1000, "" + late);
        }
    }
}
