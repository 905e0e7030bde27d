package vn.hocba.signing.pades.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the admin-managed trust anchors: every certificate (PEM or DER) in a folder. */
final class TrustAnchors {

    private TrustAnchors() {
    }

    static List<X509Certificate> load(Path folder) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString().toLowerCase();
                if (n.endsWith(".pem") || n.endsWith(".crt") || n.endsWith(".cer") || n.endsWith(".der")) {
                    try {
                        for (Certificate c : CertificateFactory.getInstance("X.509")
                                .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(f)))) {
                            out.add((X509Certificate) c);
                        }
                    } catch (GeneralSecurityException e) {
                        throw new IOException("not a certificate file: " + f, e);
                    }
                }
            }
        }
        return out;
    }
}
