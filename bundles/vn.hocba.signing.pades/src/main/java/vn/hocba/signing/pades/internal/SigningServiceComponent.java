package vn.hocba.signing.pades.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.signing.BatchOutcome;
import vn.hocba.signing.BatchRequest;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.XadesEngine;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.DigestAlgorithm;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignerRef;

/**
 * The signing service: every {@link SignatureProvider} is bound by its id (dynamic, multiple); the one a
 * school or signer uses comes from configuration {@value #PID}, re-read on change without restart. A provider
 * that goes away mid-batch fails that batch (its own exception), nothing is embedded.
 */
@Component(service = SigningService.class, configurationPid = SigningServiceComponent.PID)
@Designate(ocd = ProvidersConfig.class)
public final class SigningServiceComponent implements SigningService {

    static final String PID = "vn.hocba.signing.providers";

    private final Map<String, SignatureProvider> providers = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final BatchSigner batches;
    private volatile ProviderRouting routing;

    @Activate
    public SigningServiceComponent(@Reference PadesEngine pades,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            XadesEngine xades, ProvidersConfig config) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hocba-signing");
            t.setDaemon(true);
            return t;
        });
        batches = new BatchSigner(pades, xades, providers::get, executor, DigestAlgorithm.valueOf(config.digestAlgorithm()));
        modified(config);
    }

    @Modified
    void modified(ProvidersConfig config) {
        routing = ProviderRouting.parse(config.defaultProvider(), config.schools(), config.signers());
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(SignatureProvider provider) {
        providers.put(provider.id(), provider);
    }

    void removeProvider(SignatureProvider provider) {
        providers.remove(provider.id(), provider);
    }

    @Override
    public List<Credential> credentials(SignerRef signer) throws SigningException {
        return batches.provider(providerFor(signer)).credentials(signer);
    }

    @Override
    public String providerFor(SignerRef signer) {
        return routing.providerFor(signer);
    }

    @Override
    public BatchOutcome sign(BatchRequest request) throws SigningException {
        return batches.sign(request, providerFor(request.signer()));
    }

    @Override
    public BatchOutcome resume(String batchId) throws SigningException {
        return batches.resume(batchId);
    }

    @Override
    public void cancel(String batchId) {
        batches.cancel(batchId);
    }
}
