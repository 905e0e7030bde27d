package vn.hocba.signing.pades.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.VerificationReport.ChainStatus;
import vn.hocba.signing.testpki.TestPki;

/** The trust anchors folder is watched: a root dropped in counts from the next verification, without restart. */
class TrustAnchorsTest {

    @TempDir
    Path dir;

    @Test
    void aRootAddedToTheFolderIsTrustedFromTheNextVerification() throws Exception {
        if (PadesSigningTest.signedLT == null) {
            PadesSigningTest.signTheRecord();
        }
        TestPki pki = PadesSigningTest.PKI;
        Path folder = dir.resolve("trust-anchors"); // not there yet: nothing is trusted
        SignatureVerifierComponent verifier = new SignatureVerifierComponent(config(folder));
        VerificationReport before = verifier.verify(PadesSigningTest.signedLT);
        assertEquals(ChainStatus.UNTRUSTED, before.signatures().get(0).chainStatus());
        assertEquals(VerificationReport.Indication.INDETERMINATE, before.indication());

        pki.writeRootPem(Files.createDirectories(folder).resolve("root.pem"));
        VerificationReport after = verifier.verify(PadesSigningTest.signedLT);
        assertEquals(ChainStatus.TRUSTED, after.signatures().get(0).chainStatus());
        assertEquals(VerificationReport.Indication.TOTAL_PASSED, after.indication(), () -> Json.write(after));

        Files.delete(folder.resolve("root.pem"));
        assertEquals(ChainStatus.UNTRUSTED, verifier.verify(PadesSigningTest.signedLT).signatures().get(0).chainStatus());
    }

    @Test
    void anUnchangedFolderIsNotReadAgain() throws Exception {
        PadesSigningTest.PKI.writeRootPem(dir.resolve("root.pem"));
        TrustAnchors anchors = new TrustAnchors(dir);
        List<java.security.cert.X509Certificate> first = anchors.current();
        assertEquals(List.of(PadesSigningTest.PKI.root().certificate()), first);
        assertSame(first, anchors.current());
    }

    /** The component's configuration as ConfigAdmin would give it: this folder, offline. */
    private static PadesConfig config(Path folder) {
        return new PadesConfig() {
            @Override public Class<? extends Annotation> annotationType() { return PadesConfig.class; }
            @Override public String tsaUrl() { return ""; }
            @Override public int timeoutMillis() { return 5000; }
            @Override public int docMdpPermission() { return 1; }
            @Override public String trustAnchorsDir() { return folder.toString(); }
            @Override public boolean onlineRevocation() { return false; }
            @Override public int parallelism() { return 0; }
        };
    }
}
