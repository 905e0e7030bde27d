package vn.hocba.demo.internal.pki;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** Where the demo CA lives and where its CRL is served, from the configuration and the framework's properties. */
final class DemoPkiFiles {
    static final String RESOURCE_PATH = "hocba/demo/pki";

    private DemoPkiFiles() {
    }

    static Path folder(BundleContext context, DemoPkiConfig config) {
        if (!config.folder().isBlank()) return Path.of(config.folder()).toAbsolutePath();
        String data = context.getProperty("hocba.data.dir");
        return Path.of(data == null || data.isBlank() ? "hocba-data" : data, "demo-pki").toAbsolutePath();
    }

    static String crlUrl(BundleContext context, DemoPkiConfig config) {
        if (!config.crlUrl().isBlank()) return config.crlUrl();
        String port = context.getProperty("org.osgi.service.http.port");
        return "http://127.0.0.1:" + (port == null || port.isBlank() ? "8080" : port.strip()) + "/" + RESOURCE_PATH
                + "/" + DemoPki.CRL_FILE;
    }
}
