package vn.hocba.signing.pkcs12.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.spi.UnknownCredentialException;
import vn.hocba.signing.spi.WrongAuthorisationException;
import vn.hocba.signing.testpki.TestPki;

class Pkcs12SignatureProviderTest {

    static final TestPki PKI = TestPki.shared();
    static final String SCHOOL = "31000001";
    static final SignerRef TEACHER = new SignerRef(SCHOOL, "gv-hoa");
    static final SignerRef PRINCIPAL = new SignerRef(SCHOOL, "ht-binh");

    @TempDir
    Path dir;
    Pkcs12SignatureProvider provider;

    @BeforeEach
    void setUp() throws Exception {
        provider = new Pkcs12SignatureProvider("pkcs12");
        // the school's file: seal and principal, usable by every signer of the school
        Map<String, TestPki.Identity> school = new LinkedHashMap<>();
        school.put("seal", PKI.seal());
        school.put("principal", PKI.principal());
        Path schoolFile = TestPki.writePkcs12(dir.resolve("truong.p12"), "school-pass".toCharArray(), school);
        provider.addKeystore(new Pkcs12Keystore(schoolFile, "school-pass".toCharArray(), false, List.of(), SCHOOL, ""));
        // the teacher's own file, its key unlocked by her PIN on every batch
        Path teacherFile = TestPki.writePkcs12(dir.resolve("gv-hoa.p12"), "1234".toCharArray(), Map.of("hoa", PKI.teacher()));
        provider.addKeystore(new Pkcs12Keystore(teacherFile, "1234".toCharArray(), true, List.of(), SCHOOL, "gv-hoa"));
    }

    @Test
    void listsEveryCredentialTheSignerMayUse() throws Exception {
        List<Credential> forPrincipal = provider.credentials(PRINCIPAL);
        assertEquals(2, forPrincipal.size(), "the school file's seal and principal");
        List<Credential> forTeacher = provider.credentials(TEACHER);
        assertEquals(3, forTeacher.size(), "the school file and her own");
        Credential hoa = forTeacher.stream().filter(c -> c.id().equals("gv-hoa.p12:hoa")).findFirst().orElseThrow();
        assertEquals(AuthorisationMode.PIN, hoa.authorisation());
        assertArrayEquals(PKI.teacher().certificate().getEncoded(), hoa.signingCertificate());
        assertEquals(3, hoa.certificateChain().size());
        assertEquals(List.of(), provider.credentials(new SignerRef("other-school", "gv-hoa")));
    }

    @Test
    void signsABatchOfDigestsThatVerify() throws Exception {
        List<byte[]> data = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] d = ("Học bạ số " + i).getBytes(StandardCharsets.UTF_8);
            data.add(d);
            digests.add(MessageDigest.getInstance("SHA-256").digest(d));
        }
        SignResult result = provider.sign(new SignRequest(PRINCIPAL, "truong.p12:seal", SignatureAlgorithm.RSA_SHA256,
                digests, Authorisation.none(), "Lớp 3A — 5 học bạ"));
        List<byte[]> values = ((SignResult.Signed) result).signatureValues();
        assertEquals(5, values.size());
        for (int i = 0; i < 5; i++) {
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(PKI.seal().certificate());
            v.update(data.get(i));
            assertTrue(v.verify(values.get(i)), "value " + i);
        }
    }

    @Test
    void wrongPinIsRefusedAndTheRightOneSigns() throws Exception {
        List<byte[]> one = List.of(new byte[32]);
        assertThrows(WrongAuthorisationException.class, () -> provider.sign(new SignRequest(TEACHER, "gv-hoa.p12:hoa",
                SignatureAlgorithm.RSA_SHA256, one, Authorisation.pin("0000".toCharArray()), "Lớp 3A — 1 học bạ")));
        assertThrows(WrongAuthorisationException.class, () -> provider.sign(new SignRequest(TEACHER, "gv-hoa.p12:hoa",
                SignatureAlgorithm.RSA_SHA256, one, Authorisation.none(), "Lớp 3A — 1 học bạ")));
        SignResult ok = provider.sign(new SignRequest(TEACHER, "gv-hoa.p12:hoa", SignatureAlgorithm.RSA_SHA256, one,
                Authorisation.pin("1234".toCharArray()), "Lớp 3A — 1 học bạ"));
        assertEquals(1, ((SignResult.Signed) ok).signatureValues().size());
    }

    @Test
    void anotherSignersCredentialIsUnknown() {
        assertThrows(UnknownCredentialException.class, () -> provider.sign(new SignRequest(PRINCIPAL, "gv-hoa.p12:hoa",
                SignatureAlgorithm.RSA_SHA256, List.of(new byte[32]), Authorisation.pin("1234".toCharArray()), "x")));
    }

    @Test
    void stoppingTheProviderMidBatchFailsTheWholeBatch() {
        AtomicInteger signed = new AtomicInteger();
        provider.afterEachDigest = () -> {
            if (signed.incrementAndGet() == 3) {
                provider.deactivate();
            }
        };
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            digests.add(new byte[32]);
        }
        assertThrows(ProviderUnavailableException.class, () -> provider.sign(new SignRequest(PRINCIPAL, "truong.p12:seal",
                SignatureAlgorithm.RSA_SHA256, digests, Authorisation.none(), "Lớp 3A — 10 học bạ")));
        assertEquals(3, signed.get(), "stopped right after the third digest");
        assertThrows(ProviderUnavailableException.class, () -> provider.credentials(PRINCIPAL));
    }

    @Test
    void ecKeysSignWithEcdsaInDer() throws Exception {
        Path file = TestPki.writePkcs12(dir.resolve("gv-anh.p12"), "pass".toCharArray(), Map.of("anh", PKI.ecTeacher()));
        provider.addKeystore(new Pkcs12Keystore(file, "pass".toCharArray(), false, List.of(), SCHOOL, "gv-anh"));
        SignerRef anh = new SignerRef(SCHOOL, "gv-anh");
        Credential c = provider.credentials(anh).stream().filter(x -> x.id().equals("gv-anh.p12:anh")).findFirst().orElseThrow();
        assertEquals(vn.hocba.signing.spi.KeyAlgorithm.EC, c.keyAlgorithm());
        byte[] data = "Vũ Thị Ngọc Ánh ký".getBytes(StandardCharsets.UTF_8);
        SignResult r = provider.sign(new SignRequest(anh, c.id(), SignatureAlgorithm.ECDSA_SHA256,
                List.of(MessageDigest.getInstance("SHA-256").digest(data)), Authorisation.none(), "Lớp 4B — 1 học bạ"));
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(PKI.ecTeacher().certificate());
        v.update(data);
        assertTrue(v.verify(((SignResult.Signed) r).signatureValues().get(0)), "a DER ECDSA value");
    }

    @Test
    void digestInfoMatchesTheStandardEncoding() {
        byte[] info = DigestSigning.digestInfo("2.16.840.1.101.3.4.2.1", new byte[32]);
        // RFC 8017 §9.2 note 1: the SHA-256 DigestInfo prefix
        byte[] prefix = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
            0x05, 0x00, 0x04, 0x20};
        assertArrayEquals(prefix, java.util.Arrays.copyOf(info, prefix.length));
        assertEquals(prefix.length + 32, info.length);
    }
}
