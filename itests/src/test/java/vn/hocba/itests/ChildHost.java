package vn.hocba.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import vn.hocba.signing.testpki.TestPki;

/**
 * The standalone host users run (features/app/target/hocba-app.jar) as a child process of the test, with a home
 * folder of its own: {@code etc/} written by the test before the start (FileInstall reads it), {@code data/}
 * (Derby, artefacts) kept across {@link #restart()}, and the log in {@code host.log}. {@link #kill()} is a
 * {@code kill -9}: the host gets no chance to clean up.
 */
final class ChildHost implements AutoCloseable {
    private final String name;
    private final Path home;
    private final Path etc;
    private final Path data;
    private final Path log;
    private final int port;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private Process process;
    private int starts;

    private ChildHost(String name, Path home) throws IOException {
        this.name = name;
        this.home = home;
        this.etc = Files.createDirectories(home.resolve("etc"));
        this.data = Files.createDirectories(home.resolve("data"));
        this.log = home.resolve("host.log");
        this.port = freePort();
    }

    /** A host named after the test (its log is copied to target/&lt;name&gt;-host.log when closed). */
    static ChildHost create(String name) throws IOException {
        return new ChildHost(name, Files.createTempDirectory("hocba-" + name + "-"));
    }

    Path home() { return home; }
    Path etc() { return etc; }
    Path data() { return data; }
    int port() { return port; }
    String baseUrl() { return "http://127.0.0.1:" + port + "/hocba/api/v1"; }

    /** An environment variable of the host process (e.g. SOFTHSM2_CONF). */
    ChildHost env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** A system property of the host's JVM. */
    ChildHost property(String key, String value) {
        systemProperties.put(key, value);
        return this;
    }

    // --- the process

    /** Starts the host; returns at once (see {@link HocbaApi#awaitUp()}). */
    ChildHost start() throws IOException {
        if (process != null && process.isAlive()) throw new IllegalStateException(name + " is running");
        Path jar = Path.of(System.getProperty("hocba.app.jar",
                Path.of("..", "features", "app", "target", "hocba-app.jar").toString())).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "the assembly is built: " + jar);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dgosh.args=--nointeractive",
                "-Dorg.osgi.service.http.port=" + port,
                "-Dorg.apache.felix.http.host=127.0.0.1",
                "-Dfelix.fileinstall.dir=" + etc.toAbsolutePath(),
                "-Dhocba.data.dir=" + data.toAbsolutePath(),
                "-Dderby.system.home=" + data.resolve("derby").toAbsolutePath()));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(starts++ == 0 ? ProcessBuilder.Redirect.to(log.toFile()) : ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit value of a host that has ended, or -1. */
    int exitValue() {
        return process == null || process.isAlive() ? -1 : process.exitValue();
    }

    /** A clean stop (SIGTERM: the host stops the framework), forced after 30 s. */
    void stop() throws InterruptedException {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    /** {@code kill -9}: no shutdown hook, no framework stop, whatever was being written stays as it was. */
    void kill() throws InterruptedException {
        if (process == null) return;
        process.destroyForcibly().waitFor();
    }

    /** Stops (cleanly) and starts again on the same port, etc/ and data/. */
    ChildHost restart() throws Exception {
        stop();
        return start();
    }

    /** The end of the host's log, for failure messages. */
    String tail() {
        try {
            if (!Files.exists(log)) return "";
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the host, keeps its log under target/ and deletes its home. */
    @Override
    public void close() throws Exception {
        stop();
        if (Files.exists(log) && Files.isDirectory(Path.of("target"))) {
            Files.copy(log, Path.of("target", name + "-host.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // --- etc/ (written before start: FileInstall reads whole files)

    /**
     * A configuration file etc/&lt;pid&gt;.cfg (or &lt;factoryPid&gt;-&lt;name&gt;.cfg) with these properties. FileInstall
     * reads .cfg files as ISO-8859-1: every other character (Vietnamese letters) is written as a \\u escape.
     */
    ChildHost config(String fileName, Map<String, String> properties) throws IOException {
        StringBuilder b = new StringBuilder();
        properties.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        StringBuilder escaped = new StringBuilder();
        b.chars().forEach(c -> escaped.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        Files.writeString(etc.resolve(fileName), escaped.toString(), StandardCharsets.ISO_8859_1);
        return this;
    }

    /** A Basic user of vn.hocba.security.basic with a PBKDF2 hash of this password and these grants. */
    ChildHost user(String id, String password, String displayName, String grants) throws Exception {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("user", id);
        props.put("name", displayName);
        props.put("password", pbkdf2(password));
        props.put("grants", grants);
        return config("vn.hocba.security.basic.user-" + id + ".cfg", props);
    }

    /** A PKCS#12 keystore holding one identity of the test PKI, and the pkcs12 provider's configuration for it. */
    ChildHost keystore(String school, String signerId, TestPki.Identity identity, String password) throws Exception {
        Path keys = Files.createDirectories(home.resolve("keys"));
        Path p12 = TestPki.writePkcs12(keys.resolve(signerId + ".p12"), password.toCharArray(), Map.of(signerId, identity));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("path", p12.toAbsolutePath().toString());
        props.put("password", password);
        props.put("schoolCode", school);
        props.put("signerId", signerId);
        return config("vn.hocba.signing.pkcs12.keystore-" + signerId + ".cfg", props);
    }

    /**
     * A SoftHSM2 token of this host (its own token folder under home/softhsm, SOFTHSM2_CONF in the host's
     * environment) holding one identity's key and certificate under one CKA_ID, with the rest of its chain as
     * certificates (SunPKCS11 builds the chain from them), and the configuration of a vn.hocba.signing.pkcs11
     * provider that logs in with the PIN from etc/ (policy CONFIGURED). Call before {@link #start()}: SoftHSM reads
     * its token folder once, when SunPKCS11 first loads it.
     *
     * @return the token's index in the module's slot list (the slotListIndex written to etc/)
     */
    int softHsmToken(String providerId, String school, String signerId, TestPki.Identity identity,
            List<java.security.cert.X509Certificate> chainAbove, String pin) throws Exception {
        Path folder = Files.createDirectories(home.resolve("softhsm"));
        Path conf = folder.resolve("softhsm2.conf");
        Path tokens = Files.createDirectories(folder.resolve("tokens"));
        Files.writeString(conf, "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\nslots.removable = false\n");
        env("SOFTHSM2_CONF", conf.toAbsolutePath().toString());
        SoftHsmSlot slot = softHsmToken(Map.copyOf(environment), folder, "hocba-" + providerId, signerId, identity,
                chainAbove, pin);
        String library = slot.library();
        int index = slot.slotListIndex();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("provider.id", providerId);
        props.put("library", library);
        props.put("slotListIndex", Integer.toString(index));
        props.put("pinPolicy", "CONFIGURED");
        props.put(".pin", pin);
        props.put("schoolCode", school);
        props.put("signerIds", signerId);
        config("vn.hocba.signing.pkcs11-" + providerId + ".cfg", props);
        return index;
    }

    /** Where a token initialised by {@link #softHsmToken(Map, Path, String, String, TestPki.Identity, List, String)} is. */
    record SoftHsmSlot(String library, int slotListIndex) {}

    /**
     * Initialises a SoftHSM2 token labelled {@code label} in the token folder of the configuration that
     * {@code environment}'s SOFTHSM2_CONF names, with one identity's key and certificate under CKA_ID 01 and the rest of
     * its chain as certificates; {@code folder} holds the files on the way. Also for itests whose framework runs in the
     * test JVM (SOFTHSM2_CONF then comes from failsafe's environment).
     */
    static SoftHsmSlot softHsmToken(Map<String, String> environment, Path folder, String label, String signerId,
            TestPki.Identity identity, List<java.security.cert.X509Certificate> chainAbove, String pin) throws Exception {
        String library = Stream.of("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                        "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so")
                .filter(f -> Files.isReadable(Path.of(f))).findFirst()
                .orElseThrow(() -> new IllegalStateException("SoftHSM2 is not installed: apt-get install softhsm2 opensc"));
        softHsmTool(environment, "softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", pin + "99");
        Path key = folder.resolve(signerId + ".key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' })
                .encodeToString(identity.keyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        softHsmTool(environment, "softhsm2-util", "--import", key.toString(), "--token", label, "--label", signerId, "--id", "01",
                "--pin", pin);
        Files.delete(key);
        List<java.security.cert.X509Certificate> certificates = new ArrayList<>();
        certificates.add(identity.certificate());
        certificates.addAll(chainAbove);
        for (int i = 0; i < certificates.size(); i++) {
            String id = i == 0 ? "01" : String.format("a%d", i);
            Path der = folder.resolve("cert-" + id + ".der");
            Files.write(der, certificates.get(i).getEncoded());
            softHsmTool(environment, "pkcs11-tool", "--module", library, "--token-label", label, "--login", "--pin", pin,
                    "--write-object", der.toString(), "--type", "cert", "--id", id, "--label", i == 0 ? signerId : "ca" + i);
        }
        // SoftHSM lists slots in its own order (the initialised token is renumbered): ask it for the index
        int index = -1;
        int slot = -1;
        for (String line : softHsmTool(environment, "softhsm2-util", "--show-slots").split("\n")) {
            if (line.startsWith("Slot ")) slot++;
            else if (line.strip().startsWith("Label:") && line.strip().substring(6).strip().equals(label)) index = slot;
        }
        if (index < 0) throw new IllegalStateException("token " + label + " not in softhsm2-util --show-slots");
        return new SoftHsmSlot(library, index);
    }

    private static String softHsmTool(Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().putAll(environment);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command[0] + " " + command[1] + " failed: " + out);
        }
        return out;
    }

    /** The hash format of vn.hocba.security.basic: pbkdf2-sha256$iterations$salt$hash, Base64 without padding. */
    static String pbkdf2(String password) throws Exception {
        int iterations = 10_000; // enough for a test host, quick to check
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** The shared fixtures folder: shared/ beside the clone (walking up from the working directory). */
    static Path sharedFixture(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures").resolve(name);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("shared/fixtures/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * The shared sample class (lop-3a-2024-2025.csv, hocba-csv v1) grown to {@code pupils} rows: its pupils again
     * and again under another class name and teacher, each with a pupil code and personal id of its own.
     */
    static byte[] grownSampleClass(String className, String teacher, int pupils) throws IOException {
        List<List<String>> rows = parseCsv(Files.readString(sharedFixture("lop-3a-2024-2025.csv"), StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        int school = header.indexOf("school_code"), klass = header.indexOf("class_name"),
                gvcn = header.indexOf("homeroom_teacher"), code = header.indexOf("pupil_code"),
                id = header.indexOf("personal_id");
        StringBuilder out = new StringBuilder(csvLine(header));
        for (int i = 0; i < pupils; i++) {
            List<String> row = new ArrayList<>(rows.get(1 + i % (rows.size() - 1)));
            row.set(klass, className);
            row.set(gvcn, teacher);
            row.set(code, row.get(school) + className + String.format("%04d", i + 1));
            row.set(id, row.get(id).substring(0, 6) + String.format("%06d", 900_000 + i));
            out.append(csvLine(row));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(field.toString());
                field.setLength(0);
                if (row.size() > 1 || !row.get(0).isEmpty()) rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** One CSV line (CRLF), quoting fields that hold commas, quotes or line breaks. */
    static String csvLine(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) b.append(',');
            String f = fields.get(i);
            b.append(f.matches("(?s).*[\",\r\n].*") ? '"' + f.replace("\"", "\"\"") + '"' : f);
        }
        return b.append("\r\n").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
