package vn.hocba.signing.pkcs12.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.tck.SignatureProviderConformance;
import vn.hocba.signing.testpki.TestPki;

/**
 * The conformance kit against the PKCS#12 provider of vn.hocba.signing.pkcs12. The test sits in the provider's
 * (internal) package because the provider's plain-Java constructors are package-private; on the test class
 * path (no OSGi) the same package name in two jars is one runtime package.
 */
class Pkcs12ConformanceTest {

    static final String SCHOOL = "31000001";
    static final SignerRef TEACHER = new SignerRef(SCHOOL, "gv-hoa");
    static final SignerRef SEAL = new SignerRef(SCHOOL, "seal");

    private static Pkcs12SignatureProvider provider;

    /** One provider with two files, as configured in a host: the school's (seal) and the teacher's own (PIN). */
    static synchronized Pkcs12SignatureProvider provider() throws IOException, GeneralSecurityException {
        if (provider == null) {
            TestPki pki = TestPki.shared();
            Path dir = Files.createTempDirectory("hocba-tck-pkcs12");
            Map<String, TestPki.Identity> school = new LinkedHashMap<>();
            school.put("seal", pki.seal());
            Path schoolFile = TestPki.writePkcs12(dir.resolve("truong.p12"), "school-pass".toCharArray(), school);
            Path teacherFile = TestPki.writePkcs12(dir.resolve("gv-hoa.p12"), "1234".toCharArray(),
                    Map.of("hoa", pki.teacher()));
            Pkcs12SignatureProvider p = new Pkcs12SignatureProvider("pkcs12");
            p.addKeystore(new Pkcs12Keystore(schoolFile, "school-pass".toCharArray(), false, List.of(), SCHOOL, "seal"));
            p.addKeystore(new Pkcs12Keystore(teacherFile, "1234".toCharArray(), true, List.of(), SCHOOL, "gv-hoa"));
            provider = p;
        }
        return provider;
    }

    @Nested
    class TeacherFileWithAPin extends SignatureProviderConformance {
        @Override
        protected SignatureProvider provider() throws Exception {
            return Pkcs12ConformanceTest.provider();
        }

        @Override
        protected SignerRef signer() {
            return TEACHER;
        }

        @Override
        protected Authorisation authorisation(Credential credential) {
            return Authorisation.pin("1234".toCharArray());
        }

        @Override
        protected Authorisation wrongAuthorisation(Credential credential) {
            return Authorisation.pin("4321".toCharArray());
        }
    }

    @Nested
    class SchoolSealFile extends SignatureProviderConformance {
        @Override
        protected SignatureProvider provider() throws Exception {
            return Pkcs12ConformanceTest.provider();
        }

        @Override
        protected SignerRef signer() {
            return SEAL;
        }

        @Override
        protected Authorisation authorisation(Credential credential) {
            return Authorisation.none();
        }
    }
}
