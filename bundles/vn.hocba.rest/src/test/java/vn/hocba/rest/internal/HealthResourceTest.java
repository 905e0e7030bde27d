package vn.hocba.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.BatchOutcome;
import vn.hocba.signing.BatchRequest;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignatureVerifier;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.SignerRef;

/** GET /health says whether signing can run yet: a host is UP before etc/ reaches every component. */
class HealthResourceTest {

    @Test
    void readyWhenEngineVerifierAndTheDefaultProviderAreThere() {
        Map<String, Object> s = HealthResource.signingReadiness(PADES, routingTo("pkcs12"), VERIFIER, Set.of("pkcs12"));
        assertEquals(true, s.get("ready"), s::toString);
        assertEquals("pkcs12", s.get("defaultProvider"));
        assertEquals(true, s.get("defaultProviderAvailable"));
        assertFalse(s.containsKey("messageEn"), s::toString);
    }

    @Test
    void notReadyWhileTheRoutedProviderIsNotRegistered() {
        Map<String, Object> s = HealthResource.signingReadiness(PADES, routingTo("csc-vnpt"), VERIFIER, Set.of("pkcs12"));
        assertEquals(false, s.get("ready"));
        assertEquals(false, s.get("defaultProviderAvailable"));
        assertEquals("The default signature provider \"csc-vnpt\" is not registered yet", s.get("messageEn"));
        assertEquals("Nhà cung cấp ký số mặc định \"csc-vnpt\" chưa sẵn sàng", s.get("messageVi"));
    }

    @Test
    void notReadyWithoutTheEngineOrTheVerifier() {
        Map<String, Object> noEngine = HealthResource.signingReadiness(PADES, null, VERIFIER, Set.of("pkcs12"));
        assertEquals(false, noEngine.get("ready"));
        assertEquals(false, noEngine.get("engine"));
        assertEquals("Bộ máy ký số chưa sẵn sàng", noEngine.get("messageVi"));
        Map<String, Object> noVerifier = HealthResource.signingReadiness(PADES, routingTo("pkcs12"), null, Set.of("pkcs12"));
        assertEquals(false, noVerifier.get("ready"));
        assertTrue(noVerifier.get("messageEn").toString().contains("verifier"));
    }

    // --- the services health reads, as small as they can be

    private static final PadesEngine PADES = new PadesEngine() {
        @Override public PreparedSignature prepare(byte[] pdf, SignatureParameters p) { throw new UnsupportedOperationException(); }
        @Override public byte[] embed(PreparedSignature p, byte[] value) { throw new UnsupportedOperationException(); }
        @Override public byte[] extend(byte[] pdf, BaselineLevel level) { throw new UnsupportedOperationException(); }
        @Override public List<SignerRole> signedRoles(byte[] pdf) { return List.of(); }
    };

    private static final SignatureVerifier VERIFIER = new SignatureVerifier() {
        @Override public VerificationReport verify(byte[] document) { throw new UnsupportedOperationException(); }
        @Override public String toJson(VerificationReport report) { return "{}"; }
    };

    private static SigningService routingTo(String provider) {
        return new SigningService() {
            @Override public List<Credential> credentials(SignerRef signer) { return List.of(); }
            @Override public String providerFor(SignerRef signer) { return provider; }
            @Override public BatchOutcome sign(BatchRequest request) { throw new UnsupportedOperationException(); }
            @Override public BatchOutcome resume(String batchId) { throw new UnsupportedOperationException(); }
            @Override public void cancel(String batchId) { }
        };
    }
}
