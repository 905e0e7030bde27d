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

/**
 * Reads the admin-managed trust anchors: every certificate (PEM or DER) in a folder. An instance watches its
 * folder: {@link #current()} reloads when a file was added, removed or changed, so an anchor dropped into the
 * folder (by the admin, or the demo's generated root) counts from the next verification, without a restart.
 */
final class TrustAnchors {

    private final Path folder;
    private String loadedStamp;
    private List<X509Certificate> loaded = List.of();

    TrustAnchors(Path folder) {
        this.folder = folder;
    }

    /** The anchors as the folder holds them now. */
    synchronized List<X509Certificate> current() throws IOException {
        String now = stamp(folder);
        if (!now.equals(loadedStamp)) {
            loaded = List.copyOf(load(folder));
            loadedStamp = now;
        }
        return loaded;
    }

    /** Names, sizes and modification times of the folder's files: changes when any file does. */
    private static String stamp(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                b.append(f.getFileName()).append('/').append(Files.size(f)).append('/')
                        .append(Files.getLastModifiedTime(f).toMillis()).append(';');
            }
        }
        return b.toString();
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
