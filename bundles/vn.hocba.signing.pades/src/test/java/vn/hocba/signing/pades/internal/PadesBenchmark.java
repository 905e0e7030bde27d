package vn.hocba.signing.pades.internal;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignerInfo;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.testpki.TestPki;

/**
 * Throughput of a class-wide batch: 500 records signed by the homeroom teacher at B-T with the local TSA
 * (visible signature), with our engine and with EU DSS's PAdESService, on 1 and 2 threads; heap peak of each run.
 * Not a test: run it as a main class (see the module's README line in the report).
 */
public final class PadesBenchmark {

    private static final int RECORDS = 500;
    private static final int WARM_UP = 40;

    private PadesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : RECORDS;
        TestPki pki = TestPki.shared();
        PadesSigner ours = new PadesSigner(new PadesSettings(pki.tsaUrl(), 10_000, 1));
        PAdESService dss = new PAdESService(new CommonCertificateVerifier());
        dss.setTspSource(new OnlineTSPSource(pki.tsaUrl()));
        byte[] font;
        try (InputStream in = PadesBenchmark.class.getResourceAsStream("/liberation/LiberationSerif-Regular.ttf")) {
            font = in.readAllBytes();
        }
        List<byte[]> inputs = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            inputs.add(SamplePdfa.yearPage("Học sinh số " + (i + 1)));
        }
        System.out.printf("input: %d records, %d bytes each (PDF/A-3b, 1 page), B-T, TSA %s, %d processors%n",
                records, inputs.get(0).length, pki.tsaUrl(), Runtime.getRuntime().availableProcessors());

        Job hocba = pdf -> signOurs(ours, pki.teacher(), pdf, true);
        if (args.length > 1 && args[1].equals("appearance")) {
            run("warm-up hocba", hocba, inputs.subList(0, WARM_UP), 1);
            run("hocba visible  ", hocba, inputs, 1);
            run("hocba invisible", pdf -> signOurs(ours, pki.teacher(), pdf, false), inputs, 1);
            return;
        }
        Job euDss = pdf -> signDss(dss, pki.teacher(), pdf, font);
        run("warm-up hocba", hocba, inputs.subList(0, WARM_UP), 2);
        run("warm-up DSS", euDss, inputs.subList(0, WARM_UP), 2);

        double o1 = run("hocba   1 thread ", hocba, inputs, 1);
        double d1 = run("EU DSS  1 thread ", euDss, inputs, 1);
        double o2 = run("hocba   2 threads", hocba, inputs, 2);
        double d2 = run("EU DSS  2 threads", euDss, inputs, 2);
        System.out.printf("ratio hocba/DSS: %.2f (1 thread), %.2f (2 threads); scaling 1→2 threads: hocba %.2f, DSS %.2f%n",
                o1 / d1, o2 / d2, o2 / o1, d2 / d1);
        System.exit(0); // DSS's HTTP client may leave non-daemon threads behind
    }

    interface Job {
        byte[] sign(byte[] pdf) throws Exception;
    }

    static byte[] signOurs(PadesSigner signer, TestPki.Identity who, byte[] pdf, boolean visible) throws Exception {
        PreparedSignature p = signer.prepare(pdf, new SignatureParameters(
                new SignerInfo(who.name(), SignerRole.HOMEROOM_TEACHER, null, "An Lão, Hải Phòng"),
                visible ? new SignatureBox(1, 40, 60, 160, 80) : null, who.chainDer(), SignatureAlgorithm.RSA_SHA256, BaselineLevel.B_T));
        return signer.embed(p, who.signDigest(p.digest(), p.signatureAlgorithm().digestAlgorithm().oid()));
    }

    static byte[] signDss(PAdESService service, TestPki.Identity who, byte[] pdf, byte[] font) throws Exception {
        PAdESSignatureParameters params = new PAdESSignatureParameters();
        params.setSignatureLevel(SignatureLevel.PAdES_BASELINE_T);
        params.setDigestAlgorithm(DigestAlgorithm.SHA256);
        params.setSigningCertificate(new CertificateToken(who.certificate()));
        List<CertificateToken> chain = new ArrayList<>();
        for (var c : who.chain()) {
            chain.add(new CertificateToken(c));
        }
        params.setCertificateChain(chain);
        params.bLevel().setSigningDate(new Date());
        SignatureImageParameters image = new SignatureImageParameters();
        SignatureImageTextParameters text = new SignatureImageTextParameters();
        text.setText("GIÁO VIÊN CHỦ NHIỆM\n(Đã ký số)\n" + who.name());
        text.setFont(new DSSFileFont(new InMemoryDocument(font)));
        image.setTextParameters(text);
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setOriginX(40);
        field.setOriginY(700);
        field.setWidth(160);
        field.setHeight(80);
        image.setFieldParameters(field);
        params.setImageParameters(image);
        DSSDocument doc = new InMemoryDocument(pdf);
        ToBeSigned tbs = service.getDataToSign(doc, params);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(who.keyPair().getPrivate());
        s.update(tbs.getBytes());
        SignatureValue value = new SignatureValue(eu.europa.esig.dss.enumerations.SignatureAlgorithm.RSA_SHA256, s.sign());
        DSSDocument signed = service.signDocument(doc, params, value);
        try (InputStream in = signed.openStream()) {
            return in.readAllBytes();
        }
    }

    /** Signs every input on {@code threads} threads; prints and returns signatures per second. */
    static double run(String label, Job job, List<byte[]> inputs, int threads) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long bytes = 0;
        long start = System.nanoTime();
        try {
            List<Callable<byte[]>> tasks = inputs.stream().<Callable<byte[]>>map(pdf -> () -> job.sign(pdf)).toList();
            for (Future<byte[]> f : pool.invokeAll(tasks)) {
                bytes += f.get().length;
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double rate = inputs.size() / seconds;
        System.out.printf("%s: %4d signatures in %6.2f s = %7.1f signatures/s, heap peak %5d MB, avg output %d bytes%n",
                label, inputs.size(), seconds, rate, peak / (1024 * 1024), bytes / inputs.size());
        return rate;
    }
}
