package vn.hocba.signing.pades.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

import vn.hocba.signing.BatchOutcome;
import vn.hocba.signing.BatchRequest;
import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.XadesEngine;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.DigestAlgorithm;
import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.spi.UnknownCredentialException;

/**
 * A batch by one signer: prepare every document, one provider call with all the digests, embed every value.
 * Pending batches (remote confirmation) are kept in memory until resumed or cancelled. All or nothing.
 */
final class BatchSigner {

    private final PadesEngine pades;
    private final XadesEngine xades;
    private final Function<String, SignatureProvider> providers;
    private final ExecutorService executor;
    private final DigestAlgorithm digestAlgorithm;
    private final Map<String, PendingBatch> pending = new ConcurrentHashMap<>();

    private record PendingBatch(SignResult.PendingHandle handle, List<String> documentIds, List<PreparedSignature> prepared,
            DocumentFormat format) {
    }

    BatchSigner(PadesEngine pades, XadesEngine xades, Function<String, SignatureProvider> providers,
            ExecutorService executor, DigestAlgorithm digestAlgorithm) {
        this.pades = pades;
        this.xades = xades;
        this.providers = providers;
        this.executor = executor;
        this.digestAlgorithm = digestAlgorithm;
    }

    SignatureProvider provider(String id) throws ProviderUnavailableException {
        SignatureProvider p = providers.apply(id);
        if (p == null) {
            throw new ProviderUnavailableException(id, "no such provider is running", null);
        }
        return p;
    }

    BatchOutcome sign(BatchRequest request, String providerId) throws SigningException {
        SignatureProvider provider = provider(providerId);
        Credential credential = credential(provider, request.signer(), request.credentialId());
        SignatureAlgorithm algorithm = SignatureAlgorithm.of(credential.keyAlgorithm(), digestAlgorithm);
        List<PreparedSignature> prepared = parallel(request.documents().stream().<Callable<PreparedSignature>>map(d -> () -> {
            SignatureParameters p = new SignatureParameters(request.signerInfo(), d.box(), credential.certificateChain(),
                    algorithm, request.level());
            return request.format() == DocumentFormat.PDF ? pades.prepare(d.content(), p) : xades().prepare(d.content(), p);
        }).toList());
        List<byte[]> digests = prepared.stream().map(PreparedSignature::digest).toList();
        SignResult result = provider.sign(new SignRequest(request.signer(), credential.id(), algorithm, digests,
                request.authorisation(), request.description()));
        List<String> ids = request.documents().stream().map(BatchRequest.DocumentToSign::documentId).toList();
        String batchId = UUID.randomUUID().toString();
        return outcome(batchId, result, ids, prepared, request.format());
    }

    BatchOutcome resume(String batchId) throws SigningException {
        PendingBatch batch = pending.get(batchId);
        if (batch == null) {
            throw new SigningException("Không tìm thấy lô ký " + batchId, "No pending batch " + batchId);
        }
        SignResult result = provider(batch.handle().providerId()).poll(batch.handle());
        return outcome(batchId, result, batch.documentIds(), batch.prepared(), batch.format());
    }

    void cancel(String batchId) {
        PendingBatch batch = pending.remove(batchId);
        if (batch != null) {
            SignatureProvider p = providers.apply(batch.handle().providerId());
            if (p != null) {
                p.cancel(batch.handle());
            }
        }
    }

    private BatchOutcome outcome(String batchId, SignResult result, List<String> ids, List<PreparedSignature> prepared,
            DocumentFormat format) throws SigningException {
        if (result instanceof SignResult.Pending p) {
            pending.put(batchId, new PendingBatch(p.handle(), ids, prepared, format));
            return new BatchOutcome.Pending(batchId, p.messageVi(), p.messageEn(), p.expiresAt(), p.pollAfterMillis());
        }
        pending.remove(batchId);
        List<byte[]> values = ((SignResult.Signed) result).signatureValues();
        if (values.size() != prepared.size()) {
            throw new SigningException("Dịch vụ ký số trả về thiếu chữ ký",
                    "The provider returned " + values.size() + " values for " + prepared.size() + " digests");
        }
        List<Callable<BatchOutcome.SignedDocument>> tasks = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            int n = i;
            tasks.add(() -> new BatchOutcome.SignedDocument(ids.get(n), format == DocumentFormat.PDF
                    ? pades.embed(prepared.get(n), values.get(n)) : xades().embed(prepared.get(n), values.get(n))));
        }
        return new BatchOutcome.Completed(batchId, parallel(tasks));
    }

    private XadesEngine xades() throws SigningException {
        if (xades == null) {
            throw new SigningException("Chưa có bộ ký XAdES", "No XAdES engine is available");
        }
        return xades;
    }

    static Credential credential(SignatureProvider provider, SignerRef signer, String credentialId) throws SigningException {
        List<Credential> all = provider.credentials(signer);
        for (Credential c : all) {
            if (credentialId == null || c.id().equals(credentialId)) {
                return c;
            }
        }
        throw new UnknownCredentialException(credentialId == null ? signer.toString() : credentialId);
    }

    private <T> List<T> parallel(List<Callable<T>> tasks) throws SigningException {
        List<T> out = new ArrayList<>(tasks.size());
        try {
            for (Future<T> f : executor.invokeAll(tasks)) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("Lô ký bị ngắt", "The batch was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SigningException s) {
                throw s;
            }
            throw new SigningException("Lỗi khi ký lô học bạ", "The batch failed: " + e.getCause(), e.getCause());
        }
        return out;
    }
}
