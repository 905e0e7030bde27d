package vn.hocba.signing.testpki;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The PKI's responders on 127.0.0.1: {@code /tsa} (RFC 3161), {@code /crl/*.crl}, {@code /ocsp} (GET and POST). */
final class PkiHttpServer {

    /** The test TSA's policy (an arbitrary private OID). */
    static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.59999.1.1");

    private final TestPki pki;
    private final HttpServer http;
    private final ExecutorService executor;
    private final AtomicLong tsaSerial = new AtomicLong();
    private final AtomicLong tsaRequests = new AtomicLong();
    private final AtomicLong revocationRequests = new AtomicLong();

    PkiHttpServer(TestPki pki) throws IOException {
        this.pki = pki;
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-pki-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/tsa", this::timeStamp);
        http.createContext("/crl/", this::crl);
        http.createContext("/ocsp", this::ocsp);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Starts from a daemon thread so the dispatcher thread is a daemon too (never keeps a JVM alive). */
    void start() {
        Thread starter = new Thread(http::start, "test-pki-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        http.stop(0);
        executor.shutdownNow();
    }

    long tsaRequests() {
        return tsaRequests.get();
    }

    long revocationRequests() {
        return revocationRequests.get();
    }

    private void timeStamp(HttpExchange ex) throws IOException {
        try (ex) {
            tsaRequests.incrementAndGet();
            TimeStampRequest request = new TimeStampRequest(ex.getRequestBody().readAllBytes());
            TestPki.Identity tsa = pki.tsa();
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            DigestCalculator sha256 = digests.get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                    NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                    new JcaSignerInfoGeneratorBuilder(digests).build(TestPki.signer(tsa.keyPair()), tsa.certificate()),
                    sha256, TSA_POLICY);
            generator.addCertificates(new JcaCertStore(List.of(tsa.certificate(), pki.ca().certificate())));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(generator, TSPAlgorithms.ALLOWED);
            TimeStampResponse response = responses.generate(request,
                    BigInteger.valueOf(tsaSerial.incrementAndGet()), new Date());
            send(ex, "application/timestamp-reply", response.getEncoded());
        } catch (Exception e) {
            fail(ex, e);
        }
    }

    private void crl(HttpExchange ex) throws IOException {
        try (ex) {
            revocationRequests.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            TestPki.Identity issuer;
            if (path.endsWith("/root.crl")) {
                issuer = pki.root();
            } else if (path.endsWith("/ca.crl")) {
                issuer = pki.ca();
            } else {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            send(ex, "application/pkix-crl", crlOf(issuer).getEncoded());
        } catch (Exception e) {
            fail(ex, e);
        }
    }

    /** A fresh CRL of an issuer: issued now, valid a week, listing the revoked serials it issued. */
    private X509CRLHolder crlOf(TestPki.Identity issuer) throws Exception {
        Instant now = Instant.now();
        X500Name name = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        X509v2CRLBuilder b = new X509v2CRLBuilder(name, Date.from(now.minusSeconds(1)));
        b.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        if (issuer == pki.ca()) {
            for (Map.Entry<BigInteger, Instant> r : pki.revokedSerials().entrySet()) {
                b.addCRLEntry(r.getKey(), Date.from(r.getValue()), CRLReason.keyCompromise);
            }
        }
        b.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
        b.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(
                BigInteger.valueOf(now.toEpochMilli())));
        return b.build(TestPki.signer(issuer.keyPair()));
    }

    private void ocsp(HttpExchange ex) throws IOException {
        try (ex) {
            revocationRequests.incrementAndGet();
            byte[] der;
            if ("POST".equals(ex.getRequestMethod())) {
                der = ex.getRequestBody().readAllBytes();
            } else {
                String raw = ex.getRequestURI().getRawPath().substring("/ocsp".length());
                der = Base64.getDecoder().decode(java.net.URLDecoder.decode(raw.replaceFirst("^/", ""),
                        java.nio.charset.StandardCharsets.US_ASCII));
            }
            send(ex, "application/ocsp-response", answer(new OCSPReq(der)).getEncoded());
        } catch (Exception e) {
            fail(ex, e);
        }
    }

    /** Answers for certificates of the issuing CA, signed by the delegated responder; others: unauthorized. */
    private OCSPResp answer(OCSPReq request) throws Exception {
        TestPki.Identity responder = pki.ocspResponder();
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        X509CertificateHolder caHolder = new JcaX509CertificateHolder(pki.ca().certificate());
        BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(
                X500Name.getInstance(responder.certificate().getSubjectX500Principal().getEncoded())));
        Date now = new Date();
        Date next = Date.from(Instant.now().plus(Duration.ofDays(1)));
        for (Req req : request.getRequestList()) {
            CertificateID id = req.getCertID();
            CertificateID forCa = new CertificateID(digests.get(id.getHashAlgOID() == null
                    ? CertificateID.HASH_SHA1 : new org.bouncycastle.asn1.x509.AlgorithmIdentifier(id.getHashAlgOID())),
                    caHolder, id.getSerialNumber());
            if (!forCa.equals(id)) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null);
            }
            Instant revokedAt = pki.revokedSerials().get(id.getSerialNumber());
            CertificateStatus status = revokedAt == null ? CertificateStatus.GOOD
                    : new RevokedStatus(Date.from(revokedAt), CRLReason.keyCompromise);
            b.addResponse(id, status, now, next);
        }
        Extension nonce = request.getExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            b.setResponseExtensions(new Extensions(nonce));
        }
        X509Certificate[] chain = {responder.certificate()};
        BasicOCSPResp basic = b.build(TestPki.signer(responder.keyPair()),
                new X509CertificateHolder[] {new JcaX509CertificateHolder(chain[0])}, now);
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
    }

    private static void send(HttpExchange ex, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void fail(HttpExchange ex, Exception e) throws IOException {
        byte[] body = String.valueOf(e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.sendResponseHeaders(500, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
