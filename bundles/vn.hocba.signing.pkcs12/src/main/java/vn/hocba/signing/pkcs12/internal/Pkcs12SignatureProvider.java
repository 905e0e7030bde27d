package vn.hocba.signing.pkcs12.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignatureProviderException;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.spi.UnknownCredentialException;

/**
 * The PKCS#12 provider: signs synchronously with the keys of every configured {@link Pkcs12Keystore}.
 * Deactivation (bundle stopped, configuration removed) fails a running batch with
 * {@link ProviderUnavailableException}; no partial batch is returned.
 */
@Component(service = SignatureProvider.class, configurationPid = "vn.hocba.signing.pkcs12")
@Designate(ocd = ProviderConfig.class)
public final class Pkcs12SignatureProvider implements SignatureProvider {

    private final String id;
    private final List<Pkcs12Keystore> keystores = new CopyOnWriteArrayList<>();
    private volatile boolean active = true;
    /** Test hook: runs after each digest of a batch. */
    volatile Runnable afterEachDigest = () -> { };

    @Activate
    public Pkcs12SignatureProvider(ProviderConfig config) {
        this(config.id());
    }

    Pkcs12SignatureProvider(String id) {
        this.id = id;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addKeystore(Pkcs12Keystore keystore) {
        keystores.add(keystore);
    }

    void removeKeystore(Pkcs12Keystore keystore) {
        keystores.remove(keystore);
    }

    @Deactivate
    void deactivate() {
        active = false;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Credential> credentials(SignerRef signer) throws SignatureProviderException {
        ensureActive();
        List<Credential> out = new ArrayList<>();
        for (Pkcs12Keystore k : keystores) {
            out.addAll(k.credentialsFor(signer));
        }
        return out;
    }

    @Override
    public SignResult sign(SignRequest request) throws SignatureProviderException {
        ensureActive();
        Pkcs12Keystore keystore = keystores.stream()
                .filter(k -> k.holds(request.credentialId())
                        && k.credentialsFor(request.signer()).stream().anyMatch(c -> c.id().equals(request.credentialId())))
                .findFirst().orElseThrow(() -> new UnknownCredentialException(request.credentialId()));
        char[] pin = request.authorisation() instanceof Authorisation.Pin p ? p.pin() : null;
        PrivateKey key = keystore.key(request.credentialId(), pin);
        List<byte[]> values = new ArrayList<>(request.size());
        try {
            for (byte[] digest : request.digests()) {
                ensureActive();
                if (!keystores.contains(keystore)) {
                    throw new ProviderUnavailableException(id, "keystore removed during the batch", null);
                }
                values.add(DigestSigning.sign(key, request.signatureAlgorithm(), digest));
                afterEachDigest.run();
            }
        } catch (GeneralSecurityException e) {
            throw new SignatureProviderException("Không ký được bằng khóa trong tệp PKCS#12",
                    "Signing with the PKCS#12 key failed: " + e.getMessage(), e);
        }
        ensureActive();
        return new SignResult.Signed(values);
    }

    @Override
    public SignResult poll(SignResult.PendingHandle handle) throws SignatureProviderException {
        throw new UnknownCredentialException(handle.token()); // this provider never answers pending
    }

    private void ensureActive() throws ProviderUnavailableException {
        if (!active) {
            throw new ProviderUnavailableException(id, "the provider was stopped", null);
        }
    }
}
