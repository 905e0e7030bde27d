package vn.hocba.export.transport.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS context of the HTTP transport: an optional client certificate and optional own trust anchors. */
final class ClientSsl {

    private ClientSsl() {}

    /**
     * @param keyStore   PKCS#12 with the client's key and certificate, or empty for none
     * @param trustStore PKCS#12 with the receiver's CA certificates, or empty for the JDK's defaults
     */
    static SSLContext context(String keyStore, char[] keyPassword, String trustStore, char[] trustPassword)
            throws GeneralSecurityException, IOException {
        KeyManagerFactory kmf = null;
        if (!keyStore.isBlank()) {
            KeyStore ks = load(keyStore, keyPassword);
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, keyPassword);
        }
        TrustManagerFactory tmf = null;
        if (!trustStore.isBlank()) {
            KeyStore ts = load(trustStore, trustPassword);
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        return ctx;
    }

    private static KeyStore load(String file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            ks.load(in, password);
        }
        return ks;
    }
}
