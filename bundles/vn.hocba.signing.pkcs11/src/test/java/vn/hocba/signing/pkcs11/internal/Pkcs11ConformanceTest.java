package vn.hocba.signing.pkcs11.internal;

import org.junit.jupiter.api.Nested;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.tck.SignatureProviderConformance;

/** The conformance kit against real SoftHSM2 tokens: PIN per batch (RSA and EC keys) and a configured PIN. */
class Pkcs11ConformanceTest {

    static final SignerRef TEACHER = new SignerRef("31000001", "gv-01");
    static final SignerRef SEAL = new SignerRef("31000001", "seal");

    /** One provider per token for the whole run, as in a host (one configuration per token). */
    private static Pkcs11SignatureProvider teacherToken;
    private static Pkcs11SignatureProvider sealToken;

    static synchronized Pkcs11SignatureProvider teacherToken() {
        if (teacherToken == null) {
            teacherToken = new Pkcs11SignatureProvider(SoftHsm.shared().perBatchTeacher("pkcs11-teacher", 40));
        }
        return teacherToken;
    }

    static synchronized Pkcs11SignatureProvider sealToken() {
        if (sealToken == null) {
            sealToken = new Pkcs11SignatureProvider(SoftHsm.shared().configuredSeal("pkcs11-seal"));
        }
        return sealToken;
    }

    @Nested
    class RsaKeyWithAPinPerBatch extends SignatureProviderConformance {
        @Override
        protected SignatureProvider provider() {
            return teacherToken();
        }

        @Override
        protected SignerRef signer() {
            return TEACHER;
        }

        @Override
        protected Credential credential() throws Exception {
            return byKey(provider, KeyAlgorithm.RSA);
        }

        @Override
        protected Authorisation authorisation(Credential credential) {
            return Authorisation.pin(SoftHsm.TEACHER_PIN.toCharArray());
        }

        @Override
        protected Authorisation wrongAuthorisation(Credential credential) {
            return Authorisation.pin("999999".toCharArray());
        }
    }

    @Nested
    class EcKeyWithAPinPerBatch extends SignatureProviderConformance {
        @Override
        protected SignatureProvider provider() {
            return teacherToken();
        }

        @Override
        protected SignerRef signer() {
            return TEACHER;
        }

        @Override
        protected Credential credential() throws Exception {
            return byKey(provider, KeyAlgorithm.EC);
        }

        @Override
        protected Authorisation authorisation(Credential credential) {
            return Authorisation.pin(SoftHsm.TEACHER_PIN.toCharArray());
        }

        @Override
        protected Authorisation wrongAuthorisation(Credential credential) {
            return Authorisation.pin("999999".toCharArray());
        }
    }

    @Nested
    class SealWithAConfiguredPin extends SignatureProviderConformance {
        @Override
        protected SignatureProvider provider() {
            return sealToken();
        }

        @Override
        protected SignerRef signer() {
            return SEAL;
        }

        @Override
        protected Authorisation authorisation(Credential credential) {
            return Authorisation.none();
        }

        @Override
        protected int unlimitedBatchProbe() {
            return 40;
        }
    }

    static Credential byKey(SignatureProvider provider, KeyAlgorithm key) throws Exception {
        return provider.credentials(TEACHER).stream().filter(c -> c.keyAlgorithm() == key).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " credential on the teacher's token"));
    }
}
