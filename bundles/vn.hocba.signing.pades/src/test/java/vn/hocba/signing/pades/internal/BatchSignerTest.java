package vn.hocba.signing.pades.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.BatchOutcome;
import vn.hocba.signing.BatchRequest;
import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.SignerInfo;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.DigestAlgorithm;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.spi.UnknownCredentialException;
import vn.hocba.signing.testpki.TestPki;

/** prepare → provider (answering "pending" like a phone confirmation) → embed, and the routing by configuration. */
class BatchSignerTest {

    static final TestPki PKI = TestPki.shared();
    static final SignerRef TEACHER = new SignerRef("31000001", "gv-hoa");
    static ExecutorService executor;
    static PadesEngineComponent engine;

    /** A remote-signing provider: the first answer is pending; the user "confirms" before the second poll. */
    static class PhoneProvider implements SignatureProvider {
        final String id;
        final TestPki.Identity identity;
        final Map<String, SignRequest> waiting = new ConcurrentHashMap<>();
        final AtomicInteger polls = new AtomicInteger();

        PhoneProvider(String id, TestPki.Identity identity) {
            this.id = id;
            this.identity = identity;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<Credential> credentials(SignerRef signer) {
            return List.of(new Credential("cred-1", identity.name(), identity.chainDer(), KeyAlgorithm.RSA,
                    AuthorisationMode.REMOTE_CONFIRMATION, 0));
        }

        @Override
        public SignResult sign(SignRequest request) {
            String tx = "tx-" + waiting.size();
            waiting.put(tx, request);
            return new SignResult.Pending(new SignResult.PendingHandle(id, tx, request.credentialId(), request.size()),
                    "Xác nhận trên điện thoại: " + request.description(), "Confirm on your phone",
                    Instant.now().plusSeconds(300), 10);
        }

        @Override
        public SignResult poll(SignResult.PendingHandle handle) throws UnknownCredentialException {
            SignRequest r = waiting.get(handle.token());
            if (r == null) {
                throw new UnknownCredentialException(handle.token());
            }
            if (polls.incrementAndGet() == 1) {
                return new SignResult.Pending(handle, "Đang chờ xác nhận", "Waiting", null, 10);
            }
            List<byte[]> values = new ArrayList<>();
            for (byte[] d : r.digests()) {
                values.add(identity.signDigest(d, r.digestAlgorithm().oid()));
            }
            return new SignResult.Signed(values);
        }
    }

    @BeforeAll
    static void start() {
        executor = Executors.newFixedThreadPool(2);
        engine = new PadesEngineComponent(new PadesSigner(new PadesSettings(PKI.tsaUrl(), 10_000, 1)));
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    private static BatchRequest classOf(int n) throws Exception {
        List<BatchRequest.DocumentToSign> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(new BatchRequest.DocumentToSign("hs-" + i, SamplePdfa.yearPage("Học sinh số " + i),
                    SamplePdfa.box(SignerRole.HOMEROOM_TEACHER)));
        }
        return new BatchRequest(TEACHER, new SignerInfo("Nguyễn Thị Hoa", SignerRole.HOMEROOM_TEACHER, null, null), null,
                docs, DocumentFormat.PDF, BaselineLevel.B_T, Authorisation.none(), "Lớp 3A — " + n + " học bạ");
    }

    @Test
    void aPendingBatchCompletesWhenTheSignerConfirms() throws Exception {
        Map<String, SignatureProvider> providers = new ConcurrentHashMap<>();
        providers.put("phone", new PhoneProvider("phone", PKI.teacher()));
        BatchSigner signer = new BatchSigner(engine, null, providers::get, executor, DigestAlgorithm.SHA256);
        BatchOutcome first = signer.sign(classOf(3), "phone");
        BatchOutcome.Pending pending = assertInstanceOf(BatchOutcome.Pending.class, first);
        assertInstanceOf(BatchOutcome.Pending.class, signer.resume(pending.batchId()), "not confirmed yet");
        BatchOutcome.Completed done = assertInstanceOf(BatchOutcome.Completed.class, signer.resume(pending.batchId()));
        assertEquals(List.of("hs-0", "hs-1", "hs-2"), done.documents().stream().map(BatchOutcome.SignedDocument::documentId).toList());
        PadesVerifier verifier = PadesVerifier.online(List.of(PKI.root().certificate()), 10_000);
        for (BatchOutcome.SignedDocument d : done.documents()) {
            assertEquals(List.of(SignerRole.HOMEROOM_TEACHER), engine.signedRoles(d.content()));
            VerificationReport r = verifier.verify(d.content());
            assertEquals(VerificationReport.Indication.TOTAL_PASSED, r.indication(), () -> Json.write(r));
        }
    }

    @Test
    void aProviderThatWentAwayFailsThePendingBatch() throws Exception {
        Map<String, SignatureProvider> providers = new ConcurrentHashMap<>();
        providers.put("phone", new PhoneProvider("phone", PKI.teacher()));
        BatchSigner signer = new BatchSigner(engine, null, providers::get, executor, DigestAlgorithm.SHA256);
        BatchOutcome.Pending pending = assertInstanceOf(BatchOutcome.Pending.class, signer.sign(classOf(1), "phone"));
        providers.remove("phone"); // the provider bundle stopped
        assertThrows(ProviderUnavailableException.class, () -> signer.resume(pending.batchId()));
        assertThrows(ProviderUnavailableException.class, () -> signer.sign(classOf(1), "phone"));
    }

    /** A provider that takes at most two digests a call and answers pending for every chunk once. */
    static final class TwoAtATimeProvider extends PhoneProvider {
        final List<String> descriptions = new ArrayList<>();

        TwoAtATimeProvider(TestPki.Identity identity) {
            super("two", identity);
        }

        @Override
        public List<Credential> credentials(SignerRef signer) {
            return List.of(new Credential("cred-2", identity.name(), identity.chainDer(), KeyAlgorithm.RSA,
                    AuthorisationMode.REMOTE_CONFIRMATION, 2));
        }

        @Override
        public SignResult sign(SignRequest request) {
            if (request.size() > 2) {
                throw new IllegalArgumentException("at most 2 digests per call");
            }
            descriptions.add(request.description());
            polls.set(1); // the next poll confirms
            return super.sign(request);
        }
    }

    @Test
    void aProviderLimitSplitsTheBatchIntoChunks() throws Exception {
        Map<String, SignatureProvider> providers = new ConcurrentHashMap<>();
        TwoAtATimeProvider two = new TwoAtATimeProvider(PKI.teacher());
        providers.put("two", two);
        BatchSigner signer = new BatchSigner(engine, null, providers::get, executor, DigestAlgorithm.SHA256);
        BatchOutcome outcome = signer.sign(classOf(5), "two");
        int rounds = 0;
        while (outcome instanceof BatchOutcome.Pending p && rounds++ < 10) {
            outcome = signer.resume(p.batchId());
        }
        BatchOutcome.Completed done = assertInstanceOf(BatchOutcome.Completed.class, outcome);
        assertEquals(5, done.documents().size());
        assertEquals(List.of("Lớp 3A — 5 học bạ (phần 1/3)", "Lớp 3A — 5 học bạ (phần 2/3)", "Lớp 3A — 5 học bạ (phần 3/3)"),
                two.descriptions);
        PadesVerifier verifier = PadesVerifier.offline(List.of(PKI.root().certificate()));
        for (BatchOutcome.SignedDocument d : done.documents()) {
            assertEquals(true, verifier.verify(d.content()).signatures().get(0).cryptographicallyValid(), d.documentId());
        }
    }

    @Test
    void routingPrefersTheSignerThenTheSchoolThenTheDefault() {
        ProviderRouting r = ProviderRouting.parse("pkcs12", new String[] {"31000001=csc-vnpt"},
                new String[] {"31000001/ht-binh=pkcs11-token"});
        assertEquals("pkcs11-token", r.providerFor(new SignerRef("31000001", "ht-binh")));
        assertEquals("csc-vnpt", r.providerFor(TEACHER));
        assertEquals("pkcs12", r.providerFor(new SignerRef("31000002", "gv-x")));
    }
}
