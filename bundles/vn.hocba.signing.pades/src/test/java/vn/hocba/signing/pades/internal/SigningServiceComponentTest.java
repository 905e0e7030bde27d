package vn.hocba.signing.pades.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.BatchOutcome;
import vn.hocba.signing.BatchRequest;
import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.SignerInfo;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.testpki.TestPki;

/** The service as DS runs it: providers come and go, configuration changes apply to the next batch. */
class SigningServiceComponentTest {

    static final TestPki PKI = TestPki.shared();
    static final SignerRef HOA = new SignerRef("31000001", "gv-hoa");

    /** Signs at once with one test identity; counts its batches. */
    static final class LocalProvider implements SignatureProvider {
        final String id;
        final TestPki.Identity who;
        int batches;

        LocalProvider(String id, TestPki.Identity who) {
            this.id = id;
            this.who = who;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<Credential> credentials(SignerRef signer) {
            return List.of(new Credential(id + "-key", who.name(), who.chainDer(),
                    "EC".equals(who.certificate().getPublicKey().getAlgorithm()) ? KeyAlgorithm.EC : KeyAlgorithm.RSA,
                    AuthorisationMode.NONE, 0));
        }

        @Override
        public SignResult sign(SignRequest request) {
            batches++;
            List<byte[]> values = new ArrayList<>();
            for (byte[] d : request.digests()) {
                values.add(who.signDigest(d, request.digestAlgorithm().oid()));
            }
            return new SignResult.Signed(values);
        }

        @Override
        public SignResult poll(SignResult.PendingHandle handle) {
            throw new IllegalStateException("never pending");
        }
    }

    static ProvidersConfig config(String defaultProvider, String[] schools, String[] signers) {
        return new ProvidersConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ProvidersConfig.class;
            }

            @Override
            public String defaultProvider() {
                return defaultProvider;
            }

            @Override
            public String[] schools() {
                return schools;
            }

            @Override
            public String[] signers() {
                return signers;
            }

            @Override
            public String digestAlgorithm() {
                return "SHA256";
            }
        };
    }

    private static BatchRequest oneRecord() throws Exception {
        return new BatchRequest(HOA, new SignerInfo("Nguyễn Thị Hoa", SignerRole.HOMEROOM_TEACHER, null, null), null,
                List.of(new BatchRequest.DocumentToSign("hs-1", SamplePdfa.yearPage("Phan Thu Trang"), null)),
                DocumentFormat.PDF, BaselineLevel.B_B, Authorisation.none(), "Lớp 3A — 1 học bạ");
    }

    @Test
    void theConfiguredProviderSignsAndAConfigurationChangeSwitchesIt() throws Exception {
        PadesEngineComponent engine = new PadesEngineComponent(new PadesSigner(new PadesSettings(PKI.tsaUrl(), 10_000, 1)));
        SigningServiceComponent service = new SigningServiceComponent(engine, null,
                config("file", new String[0], new String[0]));
        try {
            LocalProvider file = new LocalProvider("file", PKI.teacher());
            LocalProvider token = new LocalProvider("token", PKI.ecTeacher());
            service.addProvider(file);
            service.addProvider(token);

            assertEquals("file", service.providerFor(HOA));
            assertInstanceOf(BatchOutcome.Completed.class, service.sign(oneRecord()));
            assertEquals(1, file.batches);

            service.modified(config("file", new String[] {"31000001=token"}, new String[0])); // no restart
            assertEquals("token", service.providerFor(HOA));
            BatchOutcome.Completed done = assertInstanceOf(BatchOutcome.Completed.class, service.sign(oneRecord()));
            assertEquals(1, token.batches);
            VerificationReportAssert.signedBy(done.documents().get(0).content(), "Vũ Thị Ngọc Ánh");

            service.removeProvider(token); // its bundle stopped
            assertThrows(ProviderUnavailableException.class, () -> service.sign(oneRecord()));
            assertThrows(ProviderUnavailableException.class, () -> service.credentials(HOA));
        } finally {
            service.deactivate();
        }
    }

    @Test
    void xmlBatchesGoThroughTheXadesEngine() throws Exception {
        PadesSettings settings = new PadesSettings(PKI.tsaUrl(), 10_000, 1);
        SigningServiceComponent service = new SigningServiceComponent(new PadesEngineComponent(new PadesSigner(settings)),
                new XadesEngineComponent(new XadesSigner(settings)), config("file", new String[0], new String[0]));
        try {
            service.addProvider(new LocalProvider("file", PKI.teacher()));
            BatchRequest request = new BatchRequest(HOA, new SignerInfo("Nguyễn Thị Hoa", SignerRole.HOMEROOM_TEACHER,
                    null, null), null, List.of(new BatchRequest.DocumentToSign("hs-1",
                            XadesSigningTest.XML.getBytes(java.nio.charset.StandardCharsets.UTF_8), null)),
                    DocumentFormat.XML, BaselineLevel.B_T, Authorisation.none(), "Lớp 3A — 1 học bạ");
            BatchOutcome.Completed done = assertInstanceOf(BatchOutcome.Completed.class, service.sign(request));
            var report = new XadesVerifier(List.of(PKI.root().certificate()), new RevocationCollector(10_000))
                    .verify(done.documents().get(0).content());
            assertEquals(vn.hocba.signing.VerificationReport.Indication.TOTAL_PASSED, report.indication(),
                    () -> Json.write(report));
            assertEquals(BaselineLevel.B_T, report.signatures().get(0).level());
        } finally {
            service.deactivate();
        }
    }

    /** Reads the signer's name of the first signature with our verifier. */
    static final class VerificationReportAssert {
        static void signedBy(byte[] pdf, String name) {
            var report = PadesVerifier.offline(List.of(PKI.root().certificate())).verify(pdf);
            assertEquals(name, report.signatures().get(0).signerName());
            assertEquals(true, report.signatures().get(0).cryptographicallyValid());
        }
    }
}
