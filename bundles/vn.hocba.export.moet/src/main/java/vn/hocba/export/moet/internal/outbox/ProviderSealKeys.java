package vn.hocba.export.moet.internal.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import vn.hocba.export.ExportException;
import vn.hocba.export.moet.internal.pkg.SealKey;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.DigestAlgorithm;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignerRef;

/**
 * The school seal through the signing SPI: the signing service says which provider holds the seal of the school
 * (signer id {@code seal} by default) and lists its credentials; that provider signs the manifest's digest. A provider
 * that answers pending (a remote seal someone confirms) is polled until it signs or the wait runs out.
 */
public final class ProviderSealKeys implements SealKey.Source {

    private final Supplier<Optional<SigningService>> signing;
    private final Function<String, Optional<SignatureProvider>> providers;
    private final String sealSignerId;
    private final String credentialId;
    private final Duration maxWait;

    public ProviderSealKeys(Supplier<Optional<SigningService>> signing,
            Function<String, Optional<SignatureProvider>> providers, String sealSignerId, String credentialId,
            Duration maxWait) {
        this.signing = signing;
        this.providers = providers;
        this.sealSignerId = sealSignerId;
        this.credentialId = credentialId == null ? "" : credentialId.strip();
        this.maxWait = maxWait;
    }

    @Override
    public SealKey sealOf(String schoolCode) {
        SignerRef seal = new SignerRef(schoolCode, sealSignerId);
        SigningService service = signing.get().orElseThrow(() -> new ExportException(
                "Dịch vụ ký số chưa sẵn sàng: chưa đóng dấu được gói dữ liệu",
                "The signing service is not available: packages cannot be sealed"));
        try {
            String providerId = service.providerFor(seal);
            SignatureProvider provider = providers.apply(providerId).orElseThrow(() -> new ExportException(
                    "Dịch vụ ký \"" + providerId + "\" của con dấu trường " + schoolCode + " không có",
                    "The seal's signing provider \"" + providerId + "\" of school " + schoolCode + " is not there"));
            List<Credential> credentials = provider.credentials(seal);
            Credential credential = credentials.stream()
                    .filter(c -> credentialId.isEmpty() || c.id().equals(credentialId)).findFirst()
                    .orElseThrow(() -> new ExportException("Trường " + schoolCode + " chưa có chứng thư số con dấu",
                            "School " + schoolCode + " has no seal credential"));
            SignatureAlgorithm algorithm = SignatureAlgorithm.of(credential.keyAlgorithm(), DigestAlgorithm.SHA256);
            return new SealKey() {
                @Override
                public List<byte[]> certificateChain() {
                    return credential.certificateChain();
                }

                @Override
                public SignatureAlgorithm algorithm() {
                    return algorithm;
                }

                @Override
                public byte[] sign(byte[] digest) {
                    return signDigest(provider, seal, credential, algorithm, digest);
                }
            };
        } catch (SigningException e) {
            throw new ExportException(e.messageVi(), e.getMessage(), e);
        }
    }

    private byte[] signDigest(SignatureProvider provider, SignerRef seal, Credential credential,
            SignatureAlgorithm algorithm, byte[] digest) {
        try {
            SignResult result = provider.sign(new SignRequest(seal, credential.id(), algorithm, List.of(digest),
                    Authorisation.none(), "Bảng kê gói dữ liệu học bạ gửi đi"));
            Instant giveUp = Instant.now().plus(maxWait);
            while (result instanceof SignResult.Pending pending) {
                if (Instant.now().isAfter(giveUp)) {
                    provider.cancel(pending.handle());
                    throw new ExportException("Con dấu chưa xác nhận ký gói dữ liệu; sẽ thử lại",
                            "The seal did not confirm the package signature in time; will retry");
                }
                Thread.sleep(Math.max(200, Math.min(pending.pollAfterMillis(), 5_000)));
                result = provider.poll(pending.handle());
            }
            return ((SignResult.Signed) result).signatureValues().get(0);
        } catch (SigningException e) {
            throw new ExportException(e.messageVi(), e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException("Việc đóng dấu gói bị ngắt", "Sealing the package was interrupted", e);
        }
    }
}
