package vn.hocba.signing.csc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.AuthorisationExpiredException;
import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignatureProviderException;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.spi.WrongAuthorisationException;
import vn.hocba.signing.testpki.CscTestServer;
import vn.hocba.signing.testpki.TestPki;

/** The CSC flows the issue names, asserted on what the service saw. */
class CscSignatureProviderTest {

    private final CscFixture fixture = CscFixture.shared();
    private final CscTestServer server = fixture.server;

    /** A class of pupils: N messages and their SHA-256 digests. */
    private record ClassBatch(List<byte[]> messages, List<byte[]> digests) {
        static ClassBatch of(int n) throws Exception {
            List<byte[]> messages = new ArrayList<>();
            List<byte[]> digests = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                byte[] m = ("Học bạ lớp 3A — học sinh số " + i).getBytes(StandardCharsets.UTF_8);
                messages.add(m);
                digests.add(MessageDigest.getInstance("SHA-256").digest(m));
            }
            return new ClassBatch(messages, digests);
        }

        SignRequest request(SignerRef signer, Credential c, Authorisation auth) {
            return new SignRequest(signer, c.id(), SignatureAlgorithm.RSA_SHA256, digests, auth,
                    "Lớp 3A — " + digests.size() + " học bạ");
        }

        void verify(List<byte[]> values, X509Certificate cert) throws Exception {
            assertEquals(messages.size(), values.size());
            for (int i = 0; i < values.size(); i++) {
                Signature v = Signature.getInstance("SHA256withRSA");
                v.initVerify(cert);
                v.update(messages.get(i));
                assertTrue(v.verify(values.get(i)), "value " + i);
            }
        }
    }

    private static Credential only(SignatureProvider p, SignerRef signer) throws SignatureProviderException {
        List<Credential> all = p.credentials(signer);
        assertEquals(1, all.size(), "credentials of " + signer);
        return all.get(0);
    }

    @Test
    void aClassOf35TakesOneAuthorizeAndOneSignHash() throws Exception {
        Credential c = only(fixture.basic, CscFixture.TEACHER);
        assertEquals(AuthorisationMode.PIN, c.authorisation());
        assertEquals(50, c.maxBatchSize(), "multisign of the credential");
        ClassBatch batch = ClassBatch.of(35);
        int authorizeBefore = server.authorizeCalls.get();
        int signHashBefore = server.signHashCalls.get();
        SignResult r = fixture.basic.sign(batch.request(CscFixture.TEACHER, c,
                Authorisation.pin(CscFixture.TEACHER_PIN.toCharArray())));
        assertEquals(1, server.authorizeCalls.get() - authorizeBefore, "one credentials/authorize for the class");
        assertEquals(1, server.signHashCalls.get() - signHashBefore, "one signatures/signHash for the class");
        assertEquals(35, server.lastNumSignatures);
        assertEquals(35, server.lastSignHashSize);
        batch.verify(assertInstanceOf(SignResult.Signed.class, r).signatureValues(), TestPki.shared().teacher().certificate());
    }

    @Test
    void aConfirmationThatComesLaterIsPolledUntilTheValuesArrive() throws Exception {
        Credential c = only(fixture.oauth, CscFixture.PRINCIPAL);
        assertEquals(AuthorisationMode.REMOTE_CONFIRMATION, c.authorisation());
        ClassBatch batch = ClassBatch.of(35);
        int authorizeBefore = server.authorizeCalls.get();
        int checksBefore = server.authorizeCheckCalls.get();
        SignResult.Pending pending = assertInstanceOf(SignResult.Pending.class,
                fixture.oauth.sign(batch.request(CscFixture.PRINCIPAL, c, Authorisation.none())));
        assertTrue(pending.messageVi().contains("điện thoại"), pending.messageVi());
        assertEquals(35, pending.handle().size());
        SignResult r = fixture.oauth.poll(pending.handle());
        r = fixture.oauth.poll(assertInstanceOf(SignResult.Pending.class, r).handle());
        r = fixture.oauth.poll(assertInstanceOf(SignResult.Pending.class, r).handle());
        server.confirm(CscFixture.serverHandle(((SignResult.Pending) r).handle())); // the principal taps "Đồng ý"
        r = fixture.oauth.poll(((SignResult.Pending) r).handle());
        batch.verify(assertInstanceOf(SignResult.Signed.class, r).signatureValues(), TestPki.shared().deputy().certificate());
        assertEquals(1, server.authorizeCalls.get() - authorizeBefore, "one confirmation for the whole class");
        assertEquals(4, server.authorizeCheckCalls.get() - checksBefore);
    }

    @Test
    void aWrongPinOrOtpIsAWrongAuthorisation() throws Exception {
        Credential pin = only(fixture.basic, CscFixture.TEACHER);
        int signHashBefore = server.signHashCalls.get();
        WrongAuthorisationException e = assertThrows(WrongAuthorisationException.class, () -> fixture.basic.sign(
                ClassBatch.of(3).request(CscFixture.TEACHER, pin, Authorisation.pin("111111".toCharArray()))));
        assertTrue(e.messageVi().contains("không đúng"), e.messageVi());
        Credential otp = only(fixture.oauth, CscFixture.SECOND_TEACHER);
        assertEquals(AuthorisationMode.OTP, otp.authorisation());
        assertThrows(WrongAuthorisationException.class, () -> fixture.oauth.sign(
                ClassBatch.of(3).request(CscFixture.SECOND_TEACHER, otp, Authorisation.otp("000000"))));
        assertEquals(signHashBefore, server.signHashCalls.get(), "nothing signed with a wrong PIN or OTP");
    }

    @Test
    void anExpiredSadIsAnExpiredAuthorisation() throws Exception {
        Credential c = only(fixture.basic, CscFixture.TEACHER);
        server.sadLifetimeMillis = 0;
        try {
            AuthorisationExpiredException e = assertThrows(AuthorisationExpiredException.class, () -> fixture.basic.sign(
                    ClassBatch.of(5).request(CscFixture.TEACHER, c, Authorisation.pin(CscFixture.TEACHER_PIN.toCharArray()))));
            assertTrue(e.getMessage().contains("SAD has expired"), e.getMessage());
        } finally {
            server.sadLifetimeMillis = 60_000;
        }
    }

    @Test
    void aRefusalOnThePhoneOrNoAnswerInTimeIsAnExpiredAuthorisation() throws Exception {
        Credential c = only(fixture.oauth, CscFixture.PRINCIPAL);
        SignResult.Pending refused = (SignResult.Pending) fixture.oauth.sign(
                ClassBatch.of(4).request(CscFixture.PRINCIPAL, c, Authorisation.none()));
        server.refuse(CscFixture.serverHandle(refused.handle()));
        assertThrows(AuthorisationExpiredException.class, () -> fixture.oauth.poll(refused.handle()));

        CscSignatureProvider impatient = new CscSignatureProvider(CscFixture.oauthSettings("csc-oauth", Duration.ZERO));
        SignResult.Pending late = (SignResult.Pending) impatient.sign(
                ClassBatch.of(4).request(CscFixture.PRINCIPAL, c, Authorisation.none()));
        Thread.sleep(5);
        int checksBefore = server.authorizeCheckCalls.get();
        assertThrows(AuthorisationExpiredException.class, () -> impatient.poll(late.handle()));
        assertEquals(checksBefore, server.authorizeCheckCalls.get(), "an expired batch is not asked about again");
    }

    @Test
    void aServiceThatIsDownIsAnUnavailableProviderWithAClearMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String url = "http://127.0.0.1:" + port + "/csc/v2";
        CscSignatureProvider down = new CscSignatureProvider(CscFixture.basicSettings("csc-down", url, Duration.ofMinutes(1)));
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> down.credentials(CscFixture.TEACHER));
        assertTrue(e.getMessage().contains("csc-down") && e.getMessage().contains(url), e.getMessage());
        assertTrue(e.messageVi().contains("không kết nối được"), e.messageVi());

        Credential c = only(fixture.basic, CscFixture.TEACHER);
        server.failing = true;
        try {
            ProviderUnavailableException failing = assertThrows(ProviderUnavailableException.class, () -> fixture.basic.sign(
                    ClassBatch.of(2).request(CscFixture.TEACHER, c, Authorisation.pin(CscFixture.TEACHER_PIN.toCharArray()))));
            assertTrue(failing.getMessage().contains("503"), failing.getMessage());
        } finally {
            server.failing = false;
        }
    }

    /**
     * The provider's bundle is stopped while signHash is on its way: the values that come back afterwards are not
     * handed out (the batch fails as a whole, as with any provider that went away), and the next call fails at once.
     */
    @Test
    void aProviderStoppedDuringSignHashReturnsNoValues() throws Exception {
        CscSignatureProvider provider = new CscSignatureProvider(
                CscFixture.basicSettings("csc-stopped", server.baseUrl(), Duration.ofMinutes(1)));
        Credential c = only(provider, CscFixture.TEACHER);
        SignRequest request = ClassBatch.of(3).request(CscFixture.TEACHER, c,
                Authorisation.pin(CscFixture.TEACHER_PIN.toCharArray()));
        int signHashBefore = server.signHashCalls.get();
        server.holdSignHash();
        java.util.concurrent.CompletableFuture<SignResult> batch;
        try {
            batch = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return provider.sign(request);
                } catch (SignatureProviderException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            assertTrue(server.awaitHeld(30_000), "signHash reached the service");
            provider.deactivate();
        } finally {
            server.release();
        }
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> batch.get(30, java.util.concurrent.TimeUnit.SECONDS));
        ProviderUnavailableException stopped = assertInstanceOf(ProviderUnavailableException.class, e.getCause());
        assertTrue(stopped.getMessage().contains("csc-stopped"), stopped.getMessage());
        assertEquals(1, server.signHashCalls.get() - signHashBefore, "the service did sign; the values were dropped");
        assertThrows(ProviderUnavailableException.class, () -> provider.credentials(CscFixture.TEACHER));
    }

    @Test
    void aBatchAboveMultisignIsRefusedBeforeAskingTheSigner() throws Exception {
        Credential c = only(fixture.basic, CscFixture.TEACHER);
        int authorizeBefore = server.authorizeCalls.get();
        SignatureProviderException e = assertThrows(SignatureProviderException.class, () -> fixture.basic.sign(
                ClassBatch.of(51).request(CscFixture.TEACHER, c, Authorisation.pin(CscFixture.TEACHER_PIN.toCharArray()))));
        assertTrue(e.getMessage().contains("limit of 50"), e.getMessage());
        assertEquals(authorizeBefore, server.authorizeCalls.get());
    }

    @Test
    void anExpiredAccessTokenIsRenewedOnce() throws Exception {
        Credential c = only(fixture.basic, CscFixture.TEACHER);
        server.revokeAccessTokens();
        int loginsBefore = server.loginCalls.get();
        SignResult r = fixture.basic.sign(ClassBatch.of(2).request(CscFixture.TEACHER, c,
                Authorisation.pin(CscFixture.TEACHER_PIN.toCharArray())));
        assertInstanceOf(SignResult.Signed.class, r);
        assertEquals(1, server.loginCalls.get() - loginsBefore, "one new auth/login");
    }

    @Test
    void aBearerTokenFromTheConfigurationIsUsedAsIsAndARefusedOneIsAConfigurationProblem() throws Exception {
        CscSignatureProvider good = new CscSignatureProvider(bearer(server.issueAccessToken()));
        assertEquals("ht01-phone", only(good, CscFixture.PRINCIPAL).id());
        CscSignatureProvider bad = new CscSignatureProvider(bearer("not-a-token"));
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> bad.credentials(CscFixture.PRINCIPAL));
        assertTrue(e.getMessage().contains("refused the access token"), e.getMessage());
    }

    private CscSettings bearer(String token) {
        return new CscSettings("csc-bearer", java.net.URI.create(server.baseUrl()), AuthType.BEARER, "", token, null,
                CscFixture.SCHOOL, List.of("ht-01=le.ha"), AuthDataStyle.AUTH_DATA, 0, Duration.ofMillis(20),
                Duration.ofMinutes(1), Duration.ofSeconds(10));
    }

    @Test
    void signersOfOtherSchoolsOrNotConfiguredSeeNothing() throws Exception {
        assertTrue(fixture.basic.credentials(new SignerRef("31000099", "gv-01")).isEmpty());
        assertTrue(fixture.basic.credentials(new SignerRef(CscFixture.SCHOOL, "gv-03")).isEmpty());
        assertTrue(fixture.oauth.credentials(CscFixture.TEACHER).isEmpty(), "gv-01 is not mapped on the OAuth account");
    }
}
