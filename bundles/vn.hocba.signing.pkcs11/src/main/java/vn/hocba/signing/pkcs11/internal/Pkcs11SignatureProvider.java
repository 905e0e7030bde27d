package vn.hocba.signing.pkcs11.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignatureProviderException;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.spi.UnknownCredentialException;
import vn.hocba.signing.spi.WrongAuthorisationException;

/**
 * A {@link SignatureProvider} over one PKCS#11 token or HSM slot (one factory configuration per token). A batch
 * of N digests is signed with one login: RSA as {@code NONEwithRSA} over the digest's {@code DigestInfo}
 * ({@code CKM_RSA_PKCS}), EC as {@code NONEwithECDSA} ({@code CKM_ECDSA}, returned DER-encoded by SunPKCS11).
 * Credentials are the token's private keys that have a certificate with the same {@code CKA_ID}; their id is the
 * hex SHA-256 of the certificate.
 */
@Component(configurationPid = Pkcs11ProviderConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = SignatureProvider.class)
@Designate(ocd = Pkcs11ProviderConfig.class, factory = true)
public class Pkcs11SignatureProvider implements SignatureProvider {

    private final Pkcs11Settings settings;
    private final Pkcs11Token token;
    /** PER_BATCH: a PKCS#11 login is per token, not per thread, so batches take turns. */
    private final ReentrantLock batchLock = new ReentrantLock();
    /** CONFIGURED: a wrong configured PIN is not tried again (it would lock the token). */
    private volatile WrongAuthorisationException configuredPinRefused;

    @Activate
    public Pkcs11SignatureProvider(Pkcs11ProviderConfig config) {
        this(Pkcs11Settings.from(config));
    }

    public Pkcs11SignatureProvider(Pkcs11Settings settings) {
        this.settings = settings;
        this.token = new Pkcs11Token(settings);
    }

    @Deactivate
    void deactivate() {
        token.logout();
        token.reset();
    }

    @Override
    public String id() {
        return settings.providerId();
    }

    @Override
    public List<Credential> credentials(SignerRef signer) throws SignatureProviderException {
        if (!settings.serves(signer)) {
            return List.of();
        }
        List<Credential> out = new ArrayList<>();
        if (settings.pinPolicy() == PinPolicy.PER_BATCH) {
            for (Path file : settings.certificateFiles()) {
                out.add(credential(readChain(file)));
            }
        } else {
            loginWithConfiguredPin();
            for (Pkcs11Token.KeyEntry e : token.keyEntries()) {
                out.add(credential(e.chain()));
            }
        }
        return out;
    }

    @Override
    public SignResult sign(SignRequest request) throws SignatureProviderException {
        try {
            if (!settings.serves(request.signer())) {
                throw new UnknownCredentialException(request.credentialId());
            }
            if (settings.maxBatchSize() > 0 && request.size() > settings.maxBatchSize()) {
                throw new SignatureProviderException(
                        "Lô ký có " + request.size() + " chữ ký, vượt giới hạn " + settings.maxBatchSize() + " của token",
                        "A batch of " + request.size() + " digests exceeds the token's limit of "
                                + settings.maxBatchSize());
            }
            if (settings.pinPolicy() == PinPolicy.CONFIGURED) {
                loginWithConfiguredPin();
                return new SignResult.Signed(signWithLoggedInToken(request));
            }
            return new SignResult.Signed(signWithPinOfTheBatch(request));
        } finally {
            if (request.authorisation() instanceof Authorisation.Pin pin) {
                Arrays.fill(pin.pin(), '\0');
            }
        }
    }

    /** One login with the signer's PIN for the whole batch, then logout; batches on this token take turns. */
    private List<byte[]> signWithPinOfTheBatch(SignRequest request) throws SignatureProviderException {
        Credential listed = null;
        for (Credential c : credentials(request.signer())) {
            if (c.id().equals(request.credentialId())) {
                listed = c;
            }
        }
        if (listed == null) {
            throw new UnknownCredentialException(request.credentialId());
        }
        checkAlgorithm(request, listed.keyAlgorithm());
        if (!(request.authorisation() instanceof Authorisation.Pin pin)) {
            throw new WrongAuthorisationException(-1, null);
        }
        batchLock.lock();
        try {
            token.loginChecked(pin.pin());
            return signWithLoggedInToken(request);
        } finally {
            token.logout();
            batchLock.unlock();
        }
    }

    private List<byte[]> signWithLoggedInToken(SignRequest request) throws SignatureProviderException {
        Pkcs11Token.KeyEntry entry = null;
        for (Pkcs11Token.KeyEntry e : token.keyEntries()) {
            if (CertificateFiles.id(e.chain().get(0)).equals(request.credentialId())) {
                entry = e;
            }
        }
        if (entry == null) {
            throw new UnknownCredentialException(request.credentialId());
        }
        KeyAlgorithm keyAlgorithm = CertificateFiles.keyAlgorithm(entry.chain().get(0));
        checkAlgorithm(request, keyAlgorithm);
        List<byte[]> values = new ArrayList<>(request.size());
        for (byte[] digest : request.digests()) {
            values.add(keyAlgorithm == KeyAlgorithm.RSA
                    ? token.signRaw(entry.key(), "NONEwithRSA", DigestInfos.of(request.digestAlgorithm(), digest))
                    : token.signRaw(entry.key(), "NONEwithECDSA", digest));
        }
        return values;
    }

    private void loginWithConfiguredPin() throws SignatureProviderException {
        WrongAuthorisationException refused = configuredPinRefused;
        if (refused != null) {
            throw configuredPinWrong(refused);
        }
        try {
            token.login(settings.pin().clone());
        } catch (WrongAuthorisationException e) {
            configuredPinRefused = e;
            throw configuredPinWrong(e);
        }
    }

    private ProviderUnavailableException configuredPinWrong(WrongAuthorisationException e) {
        return new ProviderUnavailableException(id(), "mã PIN trong cấu hình sai, sửa cấu hình " + Pkcs11ProviderConfig.PID
                + " — the configured PIN is wrong, fix the configuration", e);
    }

    private static void checkAlgorithm(SignRequest request, KeyAlgorithm keyAlgorithm) throws SignatureProviderException {
        if (request.signatureAlgorithm().keyAlgorithm() != keyAlgorithm) {
            throw new SignatureProviderException(
                    "Thuật toán " + request.signatureAlgorithm() + " không dùng được với khóa " + keyAlgorithm,
                    "Algorithm " + request.signatureAlgorithm() + " does not fit a " + keyAlgorithm + " key");
        }
    }

    private Credential credential(List<X509Certificate> chain) {
        X509Certificate cert = chain.get(0);
        AuthorisationMode mode = settings.pinPolicy() == PinPolicy.PER_BATCH ? AuthorisationMode.PIN : AuthorisationMode.NONE;
        return new Credential(CertificateFiles.id(cert), CertificateFiles.label(cert), CertificateFiles.der(chain),
                CertificateFiles.keyAlgorithm(cert), mode, settings.maxBatchSize());
    }

    private List<X509Certificate> readChain(Path file) throws SignatureProviderException {
        try {
            return CertificateFiles.readChain(file);
        } catch (IOException | GeneralSecurityException e) {
            throw new ProviderUnavailableException(id(), "không đọc được tệp chứng thư " + file
                    + " — cannot read the certificate file " + file + ": " + e.getMessage(), e);
        }
    }

    /** How many times this provider called C_Login on its token. */
    long loginAttempts() {
        return token.loginAttempts();
    }

    @Override
    public SignResult poll(SignResult.PendingHandle handle) throws SignatureProviderException {
        // a token signs at once: there is never a pending batch to find
        throw new UnknownCredentialException(handle.token());
    }
}
