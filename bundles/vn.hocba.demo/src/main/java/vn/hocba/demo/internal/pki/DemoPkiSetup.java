package vn.hocba.demo.internal.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * With the demo keys enabled ({@value DemoPkiConfig#PID}): on start, off the SCR thread, the demo CA issues what is
 * missing (a PKCS#12 file per signer, the CRL), its root goes into the signing engine's trust anchors folder, and the
 * PKCS#12 provider gets one keystore configuration per signer through Configuration Admin. All of it once: files
 * that exist are kept, configurations that already say the same are not touched. When the engine's configuration
 * changes (another trust anchors folder), the root follows.
 */
@Component(service = ConfigurationListener.class, configurationPid = DemoPkiConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoPkiConfig.class)
public class DemoPkiSetup implements ConfigurationListener {
    private static final Logger LOG = Logger.getLogger(DemoPkiSetup.class.getName());
    /** The signing engine's configuration and its default folder (vn.hocba.signing.pades PadesConfig). */
    static final String PADES_PID = "vn.hocba.signing.pades";
    static final String DEFAULT_TRUST_ANCHORS = "hocba-data/trust-anchors";
    static final String ANCHOR_FILE = "hocba-demo-root.pem";

    private final ConfigurationAdmin cm;
    private final DemoPkiConfig config;
    private final Path folder;
    private final String crlUrl;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hocba-demo-pki");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DemoPkiSetup(BundleContext context, @Reference ConfigurationAdmin cm, DemoPkiConfig config) {
        this.cm = cm;
        this.config = config;
        this.folder = DemoPkiFiles.folder(context, config);
        this.crlUrl = DemoPkiFiles.crlUrl(context, config);
        executor.execute(this::setUp);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (PADES_PID.equals(event.getPid()) && event.getType() == ConfigurationEvent.CM_UPDATED) {
            executor.execute(this::placeRootSafely);
        }
    }

    private void setUp() {
        try {
            List<DemoSigners.Signer> signers = DemoSigners.parse(config.signers());
            DemoPki pki = DemoPki.open(folder, config.password().toCharArray(), Clock.systemUTC());
            for (DemoSigners.Signer s : signers) {
                Path p12 = pki.keystore(s.id(), s.name(), config.schoolName(), crlUrl);
                configureKeystore(DemoSigners.configurationName(s),
                        DemoSigners.keystoreProperties(p12, config.password(), config.schoolCode(), s));
            }
            pki.crl();
            Path anchor = placeRoot();
            LOG.info(() -> "demo keys (NOT for real use) of " + config.schoolCode() + " for "
                    + signers.stream().map(DemoSigners.Signer::id).toList() + " in " + folder + "; root trusted in "
                    + anchor.getParent());
        } catch (IOException | GeneralSecurityException | InvalidSyntaxException | RuntimeException e) {
            LOG.log(Level.WARNING, "demo keys could not be set up (khóa ký số mẫu không tạo được)", e);
        }
    }

    private void configureKeystore(String name, Map<String, Object> wanted) throws IOException {
        Configuration c = cm.getFactoryConfiguration(DemoSigners.KEYSTORE_FACTORY_PID, name, "?");
        if (DemoSigners.holds(c.getProperties(), wanted)) return;
        c.update(new Hashtable<>(wanted));
    }

    private void placeRootSafely() {
        try {
            placeRoot();
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.log(Level.WARNING, "demo root not placed in the trust anchors", e);
        }
    }

    /** Copies the demo root into the engine's trust anchors folder unless it is there already. */
    private synchronized Path placeRoot() throws IOException, InvalidSyntaxException {
        Path pem = folder.resolve(DemoPki.ROOT_PEM);
        Path target = trustAnchorsFolder().resolve(ANCHOR_FILE);
        if (Files.isRegularFile(pem) && !(Files.isRegularFile(target)
                && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(pem)))) {
            Files.createDirectories(target.getParent());
            Files.copy(pem, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** The folder the signing engine's verifier trusts, as it resolves it (relative to the working directory). */
    private Path trustAnchorsFolder() throws IOException, InvalidSyntaxException {
        Configuration[] found = cm.listConfigurations("(" + org.osgi.framework.Constants.SERVICE_PID + "=" + PADES_PID + ")");
        if (found != null && found.length > 0) {
            Dictionary<String, Object> p = found[0].getProperties();
            Object dir = p == null ? null : p.get("trustAnchorsDir");
            if (dir != null && !dir.toString().isBlank()) return Path.of(dir.toString()).toAbsolutePath();
        }
        return Path.of(DEFAULT_TRUST_ANCHORS).toAbsolutePath();
    }
}
