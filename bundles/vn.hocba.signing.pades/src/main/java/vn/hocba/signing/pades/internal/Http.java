package vn.hocba.signing.pades.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/** Minimal HTTP for TSA, CRL and OCSP requests (plain JDK, no client library to embed). */
final class Http {

    private Http() {
    }

    static byte[] post(String url, byte[] body, String contentType, int timeoutMillis) throws IOException {
        HttpURLConnection c = open(url, timeoutMillis);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", contentType);
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        return read(c, url);
    }

    static byte[] get(String url, int timeoutMillis) throws IOException {
        return read(open(url, timeoutMillis), url);
    }

    private static HttpURLConnection open(String url, int timeoutMillis) throws IOException {
        URI uri = URI.create(url);
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IOException("not an HTTP URL: " + url);
        }
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout(timeoutMillis);
        c.setReadTimeout(timeoutMillis);
        c.setUseCaches(false);
        return c;
    }

    private static byte[] read(HttpURLConnection c, String url) throws IOException {
        int status = c.getResponseCode();
        if (status != 200) {
            throw new IOException("HTTP " + status + " from " + url);
        }
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
