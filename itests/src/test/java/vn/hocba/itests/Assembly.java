package vn.hocba.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.ops4j.pax.exam.Option;

/**
 * What the itests boot: the jars features/app resolved and exported (target/export/hocba-app), so the
 * itests run exactly the assembly users get, plus Pax Exam's JUnit bundles.
 */
public final class Assembly {

    /**
     * The HTTP port of the framework under test, chosen free once per JVM. Kept in a system property because
     * this class is loaded twice in one JVM: by the test driver and again inside the probe bundle.
     */
    public static final int HTTP_PORT = Integer.getInteger("hocba.itest.port", 0) != 0
            ? Integer.getInteger("hocba.itest.port")
            : rememberPort(freePort());

    private Assembly() {}

    /** The exported run bundles, sorted by file name; fails loudly when the feature was not built. */
    public static List<File> runBundles() {
        File dir = new File(System.getProperty("hocba.runbundles", "../features/app/target/export/hocba-app"));
        File[] jars = dir.listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no bundles in " + dir.getAbsolutePath() + ": build features/app first");
        }
        Arrays.sort(jars);
        return List.of(jars);
    }

    public static boolean isHocba(File jar) {
        return jar.getName().startsWith("vn.hocba.");
    }

    /** The common options, with the run bundles the filter accepts. */
    public static Option[] options(Predicate<File> which, Path dataDir) {
        Option[] bundles = runBundles().stream().filter(which)
                .map(f -> bundle(f.toURI().toString()))
                .toArray(Option[]::new);
        return new Option[] {
            composite(bundles),
            junitBundles(),
            frameworkProperty("org.osgi.service.http.port").value(String.valueOf(HTTP_PORT)),
            frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"),
            frameworkProperty("hocba.data.dir").value(dataDir.toString()),
            frameworkProperty("derby.system.home").value(dataDir.resolve("derby").toString()),
            frameworkProperty("felix.fileinstall.dir").value(dataDir.resolve("etc").toString()),
            // the Gogo shell must not read the test JVM's stdin
            frameworkProperty("gosh.args").value("--nointeractive"),
            systemProperty("gosh.args").value("--nointeractive"),
            systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"),
            // Pax Exam's own logging defaults to DEBUG: tens of thousands of lines from FOP and the HTTP client
            systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
        };
    }

    public static Path tempDataDir() {
        try {
            return Files.createTempDirectory("hocba-itest-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET on the framework's HTTP server: status and body. */
    public static Response get(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + HTTP_PORT + path).openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(10000);
        int status = c.getResponseCode();
        InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Response(status, body, c.getContentType());
    }

    /** GET until the answer has the wanted status, or the timeout passes; returns the last answer. */
    public static Response await(String path, int status, long timeoutMillis) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        Response last = null;
        while (System.currentTimeMillis() < end) {
            try {
                last = get(path);
                if (last.status() == status) return last;
            } catch (IOException notYetListening) {
                last = new Response(-1, notYetListening.toString(), null);
            }
            Thread.sleep(100);
        }
        return last;
    }

    public record Response(int status, String body, String contentType) {}

    private static int rememberPort(int port) {
        System.setProperty("hocba.itest.port", String.valueOf(port));
        return port;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
