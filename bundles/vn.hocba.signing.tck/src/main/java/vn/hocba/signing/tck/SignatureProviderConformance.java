package vn.hocba.signing.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.DigestAlgorithm;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignatureProviderException;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.spi.UnknownCredentialException;
import vn.hocba.signing.spi.WrongAuthorisationException;

/**
 * What every {@link SignatureProvider} must do, as JUnit 5 tests a vendor inherits (see the package documentation).
 * Signature values are checked with the JDK's own {@link Signature} against the credential's certificate, over
 * the messages whose digests were signed: an independent check, not the provider's word.
 */
public abstract class SignatureProviderConformance {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The provider under test, set up before each test from {@link #provider()}. */
    protected SignatureProvider provider;
    /** The credential the tests sign with, from {@link #credential()}. */
    protected Credential credential;

    // ------------------------------------------------------------------ what the vendor supplies

    /** The provider under test; may be the same instance for every test. */
    protected abstract SignatureProvider provider() throws Exception;

    /** A signer the provider holds at least one credential for. */
    protected abstract SignerRef signer();

    /**
     * The authorisation that unlocks the credential for one batch. Called once per batch: return a new object each
     * time (a provider may clear a PIN's array after use). {@link Authorisation#none()} for
     * {@link AuthorisationMode#NONE} and {@link AuthorisationMode#REMOTE_CONFIRMATION} credentials.
     */
    protected abstract Authorisation authorisation(Credential credential);

    /**
     * A wrong PIN or code for the credential, required when it takes {@link AuthorisationMode#PIN} or
     * {@link AuthorisationMode#OTP}; {@code null} (the default) for the other modes.
     */
    protected Authorisation wrongAuthorisation(Credential credential) {
        return null;
    }

    /** {@code true} when the provider answers {@link SignResult.Pending} until the signer confirms elsewhere. */
    protected boolean asynchronous() {
        return false;
    }

    /**
     * Makes the signer confirm a pending batch in the provider's test back-end (e.g. tell a test server the phone
     * said yes). Called every time the provider answers pending, so it must be idempotent. Default: nothing.
     */
    protected void confirm(SignResult.PendingHandle handle) throws Exception {
        // synchronous providers never answer pending
    }

    /** The credential to test; by default the signer's first one. */
    protected Credential credential() throws Exception {
        List<Credential> all = provider.credentials(signer());
        assertFalse(all.isEmpty(), "the provider lists no credential for " + signer());
        return all.get(0);
    }

    /** The size N of an ordinary batch. */
    protected int batchSize() {
        return 7;
    }

    /** For a credential without a batch limit: the size of a large batch that must sign. */
    protected int unlimitedBatchProbe() {
        return 64;
    }

    /** How many polls of a pending batch before the kit gives up. */
    protected int maxPolls() {
        return 200;
    }

    /** The longest pause between polls (the provider's {@code pollAfterMillis} is honoured up to this). */
    protected long maxPollPauseMillis() {
        return 50;
    }

    // ------------------------------------------------------------------ the checks

    @BeforeEach
    public void setUpProviderAndCredential() throws Exception {
        provider = provider();
        assertNotNull(provider, "provider() returned null");
        credential = credential();
        assertNotNull(credential, "credential() returned null");
    }

    @Test
    public void credentialsAreListedWithAValidChain() throws Exception {
        assertNotNull(provider.id());
        assertFalse(provider.id().isBlank(), "the provider id is blank");
        List<Credential> all = provider.credentials(signer());
        assertFalse(all.isEmpty(), "no credential for " + signer());
        Set<String> ids = new HashSet<>();
        for (Credential c : all) {
            assertTrue(ids.add(c.id()), "credential id listed twice: " + c.id());
            assertFalse(c.id().isBlank(), "blank credential id");
            assertFalse(c.label().isBlank(), "blank label for " + c.id());
            List<X509Certificate> chain = certificates(c);
            X509Certificate signerCert = chain.get(0);
            signerCert.checkValidity();
            assertEquals(c.keyAlgorithm() == KeyAlgorithm.RSA ? "RSA" : "EC",
                    signerCert.getPublicKey().getAlgorithm(), "key algorithm of " + c.id());
            assertFalse(signerCert.getBasicConstraints() >= 0, "the signer certificate of " + c.id() + " is a CA");
            for (int i = 0; i + 1 < chain.size(); i++) {
                X509Certificate cert = chain.get(i);
                X509Certificate issuer = chain.get(i + 1);
                assertEquals(issuer.getSubjectX500Principal(), cert.getIssuerX500Principal(),
                        "chain of " + c.id() + " broken at position " + i + ": issuer is not the next certificate");
                try {
                    cert.verify(issuer.getPublicKey());
                } catch (GeneralSecurityException e) {
                    fail("certificate " + i + " of " + c.id() + " is not signed by certificate " + (i + 1), e);
                }
            }
        }
        assertTrue(ids.contains(credential.id()), "the tested credential is not listed");
    }

    @Test
    public void aBatchOfNDigestsYieldsNValuesThatVerifyInOrder() throws Exception {
        Batch batch = new Batch(batchSize());
        List<byte[]> values = signAndAwait(batch, authorisation(credential));
        batch.assertVerifies(values);
    }

    @Test
    public void anEmptyBatchCannotBeAskedAndASingleDigestSigns() throws Exception {
        SignatureAlgorithm algorithm = algorithm();
        assertThrows(IllegalArgumentException.class, () -> new SignRequest(signer(), credential.id(), algorithm,
                List.of(), authorisation(credential), "Lô rỗng — empty batch"),
                "the SPI must make an empty batch unrepresentable");
        Batch one = new Batch(1);
        one.assertVerifies(signAndAwait(one, authorisation(credential)));
    }

    @Test
    public void aBatchLargerThanTheLimitIsRefusedCleanly() throws Exception {
        int max = credential.maxBatchSize();
        if (max > 0) {
            Batch tooLarge = new Batch(max + 1);
            SignatureProviderException e = assertThrows(SignatureProviderException.class,
                    () -> awaitSigned(provider.sign(tooLarge.request(authorisation(credential)))),
                    "a batch of " + (max + 1) + " digests over maxBatchSize " + max + " must be refused");
            assertFalse(e instanceof ProviderUnavailableException, "refusing a large batch is not an outage: " + e);
            assertFalse(e instanceof WrongAuthorisationException, "the authorisation was right: " + e);
            assertMessages(e);
            Batch atLimit = new Batch(Math.min(max, Math.max(batchSize(), 1)));
            atLimit.assertVerifies(signAndAwait(atLimit, authorisation(credential)));
        } else {
            Batch large = new Batch(unlimitedBatchProbe());
            large.assertVerifies(signAndAwait(large, authorisation(credential)));
        }
    }

    @Test
    public void aWrongAuthorisationIsRefusedWithTheRightException() throws Exception {
        AuthorisationMode mode = credential.authorisation();
        Authorisation wrong = wrongAuthorisation(credential);
        if (mode == AuthorisationMode.PIN || mode == AuthorisationMode.OTP) {
            assertNotNull(wrong, "wrongAuthorisation() must give a wrong " + mode + " for credential " + credential.id());
            assertEquals(mode, wrong.mode(), "the wrong authorisation is of another kind than the credential's");
            Batch batch = new Batch(batchSize());
            WrongAuthorisationException e = assertThrows(WrongAuthorisationException.class,
                    () -> awaitSigned(provider.sign(batch.request(wrong))));
            assertMessages(e);
            Batch next = new Batch(batchSize());
            next.assertVerifies(signAndAwait(next, authorisation(credential)));
        } else {
            assertNull(wrong, "a " + mode + " credential takes no PIN or code, so there is no wrong one");
            assertEquals(AuthorisationMode.NONE, authorisation(credential).mode(),
                    "a " + mode + " credential is used with Authorisation.none()");
        }
    }

    @Test
    public void pendingResultsResolveOnceConfirmed() throws Exception {
        Batch batch = new Batch(batchSize());
        SignResult first = provider.sign(batch.request(authorisation(credential)));
        if (!asynchronous()) {
            SignResult.Signed signed = assertInstanceOf(SignResult.Signed.class, first,
                    "a synchronous provider answers with the values at once");
            batch.assertVerifies(signed.signatureValues());
            return;
        }
        SignResult.Pending pending = assertInstanceOf(SignResult.Pending.class, first,
                "an asynchronous provider answers pending until the signer confirms");
        assertEquals(provider.id(), pending.handle().providerId());
        assertEquals(credential.id(), pending.handle().credentialId());
        assertEquals(batch.size(), pending.handle().size());
        assertFalse(pending.messageVi().isBlank());
        assertFalse(pending.messageEn().isBlank());
        assertTrue(pending.pollAfterMillis() >= 0);
        // not confirmed yet: still pending
        assertInstanceOf(SignResult.Pending.class, provider.poll(pending.handle()),
                "the batch signed before the signer confirmed");
        batch.assertVerifies(awaitSigned(pending));
    }

    @Test
    public void twoConcurrentBatchesBothSignCorrectly() throws Exception {
        Batch a = new Batch(batchSize());
        Batch b = new Batch(batchSize());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<List<byte[]>> signA = () -> {
                start.await();
                return signAndAwait(a, authorisation(credential));
            };
            Callable<List<byte[]>> signB = () -> {
                start.await();
                return signAndAwait(b, authorisation(credential));
            };
            Future<List<byte[]>> fa = pool.submit(signA);
            Future<List<byte[]>> fb = pool.submit(signB);
            start.countDown();
            a.assertVerifies(fa.get(10, TimeUnit.MINUTES));
            b.assertVerifies(fb.get(10, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void nothingLeaksFromOneBatchToTheNext() throws Exception {
        Batch first = new Batch(batchSize());
        List<byte[]> firstValues = signAndAwait(first, authorisation(credential));
        Batch second = new Batch(batchSize() + 1);
        List<byte[]> secondValues = signAndAwait(second, authorisation(credential));
        first.assertVerifies(firstValues);
        second.assertVerifies(secondValues);
        for (byte[] v : secondValues) {
            for (byte[] w : firstValues) {
                assertFalse(java.util.Arrays.equals(v, w), "a value of the first batch came back in the second");
            }
        }
        Authorisation wrong = wrongAuthorisation(credential);
        if (wrong != null) {
            // an unlocked credential must not stay unlocked for the next batch
            Batch third = new Batch(2);
            assertThrows(WrongAuthorisationException.class, () -> awaitSigned(provider.sign(third.request(wrong))),
                    "a wrong PIN or code was accepted right after a successful batch: the credential stayed unlocked");
            Batch fourth = new Batch(2);
            fourth.assertVerifies(signAndAwait(fourth, authorisation(credential)));
        }
    }

    @Test
    public void anUnknownCredentialIsRefused() throws Exception {
        SignRequest request = new SignRequest(signer(), "no-such-credential-" + UUID.randomUUID(), algorithm(),
                new Batch(1).digests, authorisation(credential), "Chứng thư không có — unknown credential");
        assertThrows(UnknownCredentialException.class, () -> awaitSigned(provider.sign(request)));
    }

    @Test
    public void anAlgorithmOfAnotherKeyTypeIsRefused() throws Exception {
        KeyAlgorithm other = credential.keyAlgorithm() == KeyAlgorithm.RSA ? KeyAlgorithm.EC : KeyAlgorithm.RSA;
        SignatureAlgorithm wrongAlgorithm = SignatureAlgorithm.of(other, DigestAlgorithm.SHA256);
        Batch batch = new Batch(2);
        SignRequest request = new SignRequest(signer(), credential.id(), wrongAlgorithm, batch.digests,
                authorisation(credential), "Sai thuật toán — wrong algorithm");
        SignatureProviderException e = assertThrows(SignatureProviderException.class,
                () -> awaitSigned(provider.sign(request)));
        assertFalse(e instanceof ProviderUnavailableException, "a wrong algorithm is not an outage: " + e);
        assertMessages(e);
    }

    @Test
    public void anUnknownPendingHandleIsRefused() throws Exception {
        SignResult.PendingHandle bogus = new SignResult.PendingHandle(provider.id(),
                "no-such-batch-" + UUID.randomUUID(), credential.id(), 1);
        SignatureProviderException e = assertThrows(SignatureProviderException.class, () -> provider.poll(bogus));
        assertFalse(e instanceof ProviderUnavailableException, "an unknown handle is not an outage: " + e);
        provider.cancel(bogus); // must not throw
    }

    // ------------------------------------------------------------------ helpers a subclass may use too

    /** The algorithm the tests sign with: the credential's key with SHA-256. */
    protected SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.of(credential.keyAlgorithm(), DigestAlgorithm.SHA256);
    }

    /** Signs a batch and waits (confirming when pending) for its values. */
    protected List<byte[]> signAndAwait(Batch batch, Authorisation authorisation) throws Exception {
        return awaitSigned(provider.sign(batch.request(authorisation)));
    }

    /** Polls a result until signed, calling {@link #confirm} on every pending answer. */
    protected List<byte[]> awaitSigned(SignResult result) throws Exception {
        for (int i = 0; i < maxPolls(); i++) {
            if (result instanceof SignResult.Signed signed) {
                return signed.signatureValues();
            }
            SignResult.Pending pending = (SignResult.Pending) result;
            confirm(pending.handle());
            Thread.sleep(Math.max(0, Math.min(pending.pollAfterMillis(), maxPollPauseMillis())));
            result = provider.poll(pending.handle());
        }
        return fail("still pending after " + maxPolls() + " polls");
    }

    /** The credential's chain, parsed. */
    protected static List<X509Certificate> certificates(Credential c) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        for (byte[] der : c.certificateChain()) {
            chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
        }
        return chain;
    }

    private static void assertMessages(SignatureProviderException e) {
        assertNotNull(e.getMessage(), "no English message");
        assertFalse(e.getMessage().isBlank(), "blank English message");
        assertFalse(e.messageVi().isBlank(), "blank Vietnamese message");
    }

    /** N random messages, their digests, and the check of N values against them. */
    protected final class Batch {
        final List<byte[]> messages = new ArrayList<>();
        final List<byte[]> digests = new ArrayList<>();
        private final SignatureAlgorithm algorithm = algorithm();

        public Batch(int size) throws GeneralSecurityException {
            String id = UUID.randomUUID().toString();
            for (int i = 0; i < size; i++) {
                byte[] salt = new byte[16];
                RANDOM.nextBytes(salt);
                byte[] message = ("hocba TCK " + id + " #" + i + " " + java.util.HexFormat.of().formatHex(salt))
                        .getBytes(StandardCharsets.UTF_8);
                messages.add(message);
                digests.add(MessageDigest.getInstance(algorithm.digestAlgorithm().jcaName()).digest(message));
            }
        }

        public int size() {
            return digests.size();
        }

        public SignRequest request(Authorisation authorisation) {
            return new SignRequest(signer(), credential.id(), algorithm, digests, authorisation,
                    "Kiểm thử TCK — " + size() + " học bạ");
        }

        /** N values, each verifying over its own message with the credential's certificate. */
        public void assertVerifies(List<byte[]> values) throws GeneralSecurityException {
            assertEquals(size(), values.size(), "one value per digest");
            X509Certificate cert = certificates(credential).get(0);
            for (int i = 0; i < size(); i++) {
                assertNotNull(values.get(i), "value " + i + " is null");
                Signature verifier = Signature.getInstance(algorithm.jcaName());
                verifier.initVerify(cert.getPublicKey());
                verifier.update(messages.get(i));
                boolean ok;
                try {
                    ok = verifier.verify(values.get(i));
                } catch (java.security.SignatureException e) {
                    ok = false;
                }
                assertTrue(ok, "value " + i + " of " + size() + " does not verify over message " + i
                        + " (wrong key, wrong order or wrong encoding)");
            }
        }
    }
}
