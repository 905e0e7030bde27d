package vn.hocba.export.moet.internal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import vn.hocba.export.TransferReport;
import vn.hocba.export.TransferResult;
import vn.hocba.export.TransferService;
import vn.hocba.export.spi.Exporter;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.YearRecord;
import vn.hocba.signing.SignatureVerifier;
import vn.hocba.store.PupilRepository;
import vn.hocba.store.SchoolScope;

/** The transfer import as a service (PID {@code vn.hocba.export.transfer}). */
@Component(service = TransferService.class, configurationPid = TransferServiceComponent.PID)
@Designate(ocd = TransferServiceComponent.Config.class)
public class TransferServiceComponent implements TransferService {

    static final String PID = "vn.hocba.export.transfer";

    @ObjectClassDefinition(name = "hocba transfer import",
            description = "Nhận học bạ chuyển trường / import of records transferred from other schools")
    public @interface Config {
        @AttributeDefinition(description = "Folder of trusted CA certificates (.pem/.crt/.cer/.der), as the signing"
                + " engine's; re-read on every verification")
        String trustAnchorsDir() default "hocba-data/trust-anchors";

        @AttributeDefinition(description = "Where transferred records are kept, read-only")
        String archiveDirectory() default "hocba-data/transfers";
    }

    private final Map<String, Exporter> exporters = new ConcurrentHashMap<>();
    private final Transfers transfers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SignatureVerifier verifier;

    @Activate
    public TransferServiceComponent(@Reference PupilRepository pupils, Config config) {
        Path anchors = Path.of(config.trustAnchorsDir());
        TransferVerifier v = new TransferVerifier(this::exporterByNamespace, () -> Optional.ofNullable(verifier),
                () -> loadAnchors(anchors));
        transfers = new Transfers(v, new TransferArchive(Path.of(config.archiveDirectory()), this::exporterByNamespace),
                pupils);
    }

    private Optional<Exporter> exporterByNamespace(String ns) {
        return exporters.values().stream().filter(e -> e.schemaNamespace().equals(ns)).findFirst();
    }

    static List<X509Certificate> loadAnchors(Path folder) {
        List<X509Certificate> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) return out;
        try (Stream<Path> files = Files.list(folder)) {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString().toLowerCase();
                if (!(n.endsWith(".pem") || n.endsWith(".crt") || n.endsWith(".cer") || n.endsWith(".der"))) continue;
                try (InputStream in = Files.newInputStream(f)) {
                    cf.generateCertificates(in).forEach(c -> out.add((X509Certificate) c));
                } catch (CertificateException | IOException e) {
                    // an unreadable file trusts nothing
                }
            }
        } catch (IOException | CertificateException e) {
            return out;
        }
        return out;
    }

    @Override
    public TransferReport verify(byte[] content) {
        return transfers.verify(content);
    }

    @Override
    public TransferResult importTransfer(SchoolScope receiving, byte[] content, String pupilCode, String actor) {
        return transfers.importTransfer(receiving, content, pupilCode, actor);
    }

    @Override
    public List<YearRecord> transferredRecords(SchoolScope scope, String pupilCode) {
        return transfers.records(scope, pupilCode);
    }

    @Override
    public List<StudyHistoryEntry> transferredHistory(SchoolScope scope, String pupilCode) {
        return transfers.history(scope, pupilCode);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExporter(Exporter exporter) {
        exporters.put(exporter.id(), exporter);
    }

    void removeExporter(Exporter exporter) {
        exporters.remove(exporter.id(), exporter);
    }
}
