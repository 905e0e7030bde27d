package vn.hocba.signing.pkcs11.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignatureAlgorithm;

/**
 * Benchmark harness, not a test: batches of 35 digests (a class) through SoftHSM2, PIN per batch, RSA-2048 and
 * EC P-256; prints batches/s, signatures/s and the heap peak. Run from the module folder after
 * {@code mvn -o test-compile}:
 * <pre>
 * SOFTHSM2_CONF=$PWD/target/softhsm2/softhsm2.conf java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     vn.hocba.signing.pkcs11.internal.Pkcs11Throughput
 * </pre>
 * with {@code target/cp.txt} from {@code mvn -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt}.
 */
public final class Pkcs11Throughput {

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Pkcs11SignatureProvider provider = new Pkcs11SignatureProvider(SoftHsm.shared().perBatchTeacher("bench", 0));
        for (KeyAlgorithm key : KeyAlgorithm.values()) {
            Credential c = provider.credentials(Pkcs11ConformanceTest.TEACHER).stream()
                    .filter(x -> x.keyAlgorithm() == key).findFirst().orElseThrow();
            List<byte[]> digests = new ArrayList<>();
            for (int i = 0; i < 35; i++) {
                digests.add(MessageDigest.getInstance("SHA-256").digest(("học bạ " + i).getBytes()));
            }
            SignatureAlgorithm alg = SignatureAlgorithm.of(key, vn.hocba.signing.spi.DigestAlgorithm.SHA256);
            for (int warm = 0; warm < 5; warm++) {
                provider.sign(request(c, alg, digests));
            }
            long peak = 0;
            long start = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                provider.sign(request(c, alg, digests));
                Runtime rt = Runtime.getRuntime();
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %d batches of 35 in %.2f s = %.1f batches/s, %.0f signatures/s, heap peak %d MB%n",
                    key, batches, seconds, batches / seconds, batches * 35 / seconds, peak >> 20);
        }
        System.exit(0); // the test PKI's responders keep threads alive
    }

    private static SignRequest request(Credential c, SignatureAlgorithm alg, List<byte[]> digests) {
        return new SignRequest(Pkcs11ConformanceTest.TEACHER, c.id(), alg, digests,
                Authorisation.pin(SoftHsm.TEACHER_PIN.toCharArray()), "Lớp 3A — 35 học bạ");
    }
}
