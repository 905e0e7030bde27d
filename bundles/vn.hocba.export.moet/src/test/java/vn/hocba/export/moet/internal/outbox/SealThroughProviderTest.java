package vn.hocba.export.moet.internal.outbox;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.export.ExportPackage;
import vn.hocba.export.PackageManifest;
import vn.hocba.export.moet.MemoryStore;
import vn.hocba.export.moet.SampleRecords;
import vn.hocba.export.moet.internal.MoetExporter;
import vn.hocba.export.moet.internal.pkg.CmsSeal;
import vn.hocba.export.moet.internal.pkg.PackageReader;
import vn.hocba.model.YearRecord;
import vn.hocba.signing.BatchOutcome;
import vn.hocba.signing.BatchRequest;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.testpki.TestPki;
import vn.hocba.store.RecordRef;
import vn.hocba.store.SchoolScope;

/**
 * The seal of a package comes from the signature provider the signing service routes the school's seal to; a remote
 * seal that first answers "pending" is polled until it signs.
 */
class SealThroughProviderTest {

    @TempDir
    Path tmp;

    /** A remote seal (like a CSC service): the school's seal credential, pending once, then signed. */
    static final class RemoteSeal implements SignatureProvider {
        final AtomicInteger polls = new AtomicInteger();
        private final TestPki.Identity seal = TestPki.shared().seal();
        private volatile byte[] digest;

        @Override public String id() { return "remote-seal"; }

        @Override public List<Credential> credentials(SignerRef signer) {
            return signer.signerId().equals("seal") ? List.of(new Credential("seal-1", "Con dấu", seal.chainDer(),
                    KeyAlgorithm.RSA, AuthorisationMode.REMOTE_CONFIRMATION, 0)) : List.of();
        }

        @Override public SignResult sign(SignRequest request) {
            digest = request.digests().get(0);
            return new SignResult.Pending(new SignResult.PendingHandle(id(), "tx-1", "seal-1", 1),
                    "Xác nhận trên điện thoại", "Confirm on the phone", Instant.now().plusSeconds(60), 10);
        }

        @Override public SignResult poll(SignResult.PendingHandle handle) {
            if (polls.incrementAndGet() < 2) {
                return new SignResult.Pending(handle, "Đang chờ", "Waiting", null, 10);
            }
            return new SignResult.Signed(List.of(seal.signDigest(digest, "2.16.840.1.101.3.4.2.1")));
        }
    }

    /** Routes every signer of every school to one provider id (what the signing service's configuration says). */
    record Routing(String providerId) implements SigningService {
        @Override public List<Credential> credentials(SignerRef signer) { throw new UnsupportedOperationException(); }
        @Override public String providerFor(SignerRef signer) { return providerId; }
        @Override public BatchOutcome sign(BatchRequest request) { throw new UnsupportedOperationException(); }
        @Override public BatchOutcome resume(String batchId) { throw new UnsupportedOperationException(); }
        @Override public void cancel(String batchId) { }
    }

    private ExportConfig config() {
        Map<String, Object> v = new HashMap<>(Map.of("exporter", "moet-tieuhoc-1.0", "transport", "folder",
                "schoolExporters", new String[0], "schoolTransports", new String[0], "batchSize", 10,
                "workerEnabled", false, "intervalSeconds", 30, "sweepMinutes", 0, "workDirectory",
                tmp.resolve("work").toString(), "sealSignerId", "seal"));
        v.put("sealCredentialId", "");
        v.put("sealWaitSeconds", 30);
        return (ExportConfig) Proxy.newProxyInstance(ExportConfig.class.getClassLoader(),
                new Class<?>[] {ExportConfig.class}, (p, m, a) -> v.get(m.getName()));
    }

    @Test
    void aManualPackageIsSealedByTheSchoolsRemoteSeal() throws Exception {
        MemoryStore store = new MemoryStore();
        MoetExporter exporter = new MoetExporter();
        YearRecord r = SampleRecords.record(3);
        store.issue(r, exporter.toXml(r, SampleRecords.signatories(r.school())), null);
        ExportServiceComponent service = new ExportServiceComponent(store, store, store, config());
        service.addExporter(exporter);
        RemoteSeal seal = new RemoteSeal();
        service.addProvider(seal);
        var field = ExportServiceComponent.class.getDeclaredField("signing");
        field.setAccessible(true);
        field.set(service, new Routing("remote-seal"));

        ExportPackage pkg = service.buildPackage(SchoolScope.of(r.school().code()),
                List.of(new RecordRef(r.recordId(), r.version())), tmp.resolve("manual"));
        assertEquals(2, seal.polls.get(), "pending, polled until signed");
        var entries = PackageReader.entries(Files.readAllBytes(pkg.file()));
        CmsSeal.Verification v = CmsSeal.verify(entries.get(PackageManifest.MANIFEST_PATH),
                entries.get(PackageManifest.SIGNATURE_PATH), List.of(TestPki.shared().root().certificate()));
        assertTrue(v.valid(), v.problem());
        assertEquals(TestPki.shared().seal().certificate(), v.signer());
        service.deactivate();
    }
}
