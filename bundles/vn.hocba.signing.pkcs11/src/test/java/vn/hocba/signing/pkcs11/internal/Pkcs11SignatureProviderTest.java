package vn.hocba.signing.pkcs11.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.spi.UnknownCredentialException;
import vn.hocba.signing.spi.WrongAuthorisationException;
import vn.hocba.signing.testpki.TestPki;

/** What the conformance kit does not cover: one login per class, the school/signer mapping, broken set-ups. */
class Pkcs11SignatureProviderTest {

    private final SoftHsm hsm = SoftHsm.shared();

    @Test
    void aClassOf35RecordsSignsWithOneLogin() throws Exception {
        Pkcs11SignatureProvider provider = Pkcs11ConformanceTest.teacherToken();
        Credential rsa = Pkcs11ConformanceTest.byKey(provider, KeyAlgorithm.RSA);
        assertEquals(AuthorisationMode.PIN, rsa.authorisation());
        List<byte[]> messages = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            byte[] m = ("Học bạ số " + i + " — lớp 3A").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            messages.add(m);
            digests.add(MessageDigest.getInstance("SHA-256").digest(m));
        }
        long before = provider.loginAttempts();
        SignResult result = provider.sign(new SignRequest(Pkcs11ConformanceTest.TEACHER, rsa.id(),
                SignatureAlgorithm.RSA_SHA256, digests, Authorisation.pin(SoftHsm.TEACHER_PIN.toCharArray()),
                "Lớp 3A — 35 học bạ"));
        assertEquals(1, provider.loginAttempts() - before, "one login for the whole batch");
        List<byte[]> values = assertInstanceOf(SignResult.Signed.class, result).signatureValues();
        assertEquals(35, values.size());
        for (int i = 0; i < 35; i++) {
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(TestPki.shared().teacher().certificate());
            v.update(messages.get(i));
            assertTrue(v.verify(values.get(i)), "value " + i);
        }
    }

    @Test
    void aSignerTheTokenDoesNotServeSeesNoCredential() throws Exception {
        Pkcs11SignatureProvider provider = Pkcs11ConformanceTest.teacherToken();
        assertTrue(provider.credentials(new SignerRef("31000001", "gv-02")).isEmpty());
        assertTrue(provider.credentials(new SignerRef("31000099", "gv-01")).isEmpty());
        String id = provider.credentials(Pkcs11ConformanceTest.TEACHER).get(0).id();
        assertThrows(UnknownCredentialException.class, () -> provider.sign(new SignRequest(
                new SignerRef("31000001", "gv-02"), id, SignatureAlgorithm.RSA_SHA256, List.of(new byte[32]),
                Authorisation.pin(SoftHsm.TEACHER_PIN.toCharArray()), "không phải token của tôi")));
    }

    @Test
    void aMissingLibraryIsAnUnavailableProviderWithAClearMessage() {
        Pkcs11Settings s = new Pkcs11Settings("pkcs11-missing", Path.of("/nonexistent/libpkcs11.so"), 0,
                PinPolicy.CONFIGURED, "1234".toCharArray(), List.of(), "*", Set.of(), 0);
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> new Pkcs11SignatureProvider(s).credentials(Pkcs11ConformanceTest.SEAL));
        assertTrue(e.getMessage().contains("/nonexistent/libpkcs11.so"), e.getMessage());
        assertTrue(e.messageVi().contains("không sẵn sàng"), e.messageVi());
    }

    @Test
    void aSlotThatIsNotThereIsAnUnavailableProvider() {
        Pkcs11Settings s = new Pkcs11Settings("pkcs11-noslot", hsm.library, 42, PinPolicy.CONFIGURED,
                "1234".toCharArray(), List.of(), "*", Set.of(), 0);
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> new Pkcs11SignatureProvider(s).credentials(Pkcs11ConformanceTest.SEAL));
        assertTrue(e.getMessage().contains("slot list index 42"), e.getMessage());
    }

    @Test
    void aWrongConfiguredPinIsTriedOnceAndThenReportedWithoutTouchingTheToken() throws Exception {
        // the teacher's token: its PER_BATCH provider logs out after every batch, so this login is a real one
        Pkcs11Settings s = new Pkcs11Settings("pkcs11-badpin", hsm.library, hsm.teacherSlot, PinPolicy.CONFIGURED,
                "000000".toCharArray(), List.of(), "*", Set.of(), 0);
        Pkcs11SignatureProvider provider = new Pkcs11SignatureProvider(s);
        ProviderUnavailableException first = assertThrows(ProviderUnavailableException.class,
                () -> provider.credentials(Pkcs11ConformanceTest.TEACHER));
        assertInstanceOf(WrongAuthorisationException.class, first.getCause());
        assertThrows(ProviderUnavailableException.class, () -> provider.credentials(Pkcs11ConformanceTest.TEACHER));
        assertEquals(1, provider.loginAttempts(), "a wrong configured PIN must not be tried again (it locks tokens)");
    }

    @Test
    void withoutSoftHsmTheTestsFailAndSayWhatToInstall() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SoftHsm.requireTool("softhsm2-util-that-is-not-installed"));
        assertTrue(e.getMessage().contains(SoftHsm.INSTALL), e.getMessage());
    }

    @Test
    void theMetatypeConfigurationMapsToSettings() {
        Pkcs11ProviderConfig config = config(Map.of("provider_id", "pkcs11-seal", "pinPolicy", PinPolicy.CONFIGURED,
                "_pin", "24681357", "schoolCode", "31000001", "signerIds", new String[] {"seal", " "}));
        Pkcs11Settings s = Pkcs11Settings.from(config);
        assertEquals("pkcs11-seal", s.providerId());
        assertEquals(Set.of("seal"), s.signerIds());
        assertTrue(s.serves(Pkcs11ConformanceTest.SEAL));
        assertTrue(!s.serves(Pkcs11ConformanceTest.TEACHER));
        assertEquals(1000, s.maxBatchSize());
        assertThrows(IllegalArgumentException.class, () -> Pkcs11Settings.from(config(Map.of("schoolCode", "31000001"))),
                "PER_BATCH without certificate files cannot list credentials");
    }

    /** The annotation DS would hand over: given values, else the declared defaults. */
    private static Pkcs11ProviderConfig config(Map<String, Object> values) {
        return (Pkcs11ProviderConfig) Proxy.newProxyInstance(Pkcs11ProviderConfig.class.getClassLoader(),
                new Class<?>[] {Pkcs11ProviderConfig.class}, (proxy, method, args) -> {
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }
}
