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
    private final Map<String, Batch> pending = new ConcurrentHashMap<>();

    /**
     * A batch on its way: the prepared documents, the values received so far and, while the signer has not
     * confirmed, the provider's pending handle. Providers with a batch limit get the digests in chunks.
     */
    private static final class Batch {
        final String id;
        final String providerId;
        final BatchRequest request;
        final String credentialId;
        final SignatureAlgorithm algorithm;
        final int chunk;
        final List<PreparedSignature> prepared;
        final List<byte[]> values = new ArrayList<>();
        SignResult.PendingHandle handle;
        String pendingVi;
        String pendingEn;
        java.time.Instant expiresAt;
        long pollAfterMillis;

        Batch(String providerId, BatchRequest request, Credential credential, SignatureAlgorithm algorithm,
                List<PreparedSignature> prepared) {
            this.id = UUID.randomUUID().toString();
            this.providerId = providerId;
            this.request = request;
            this.credentialId = credential.id();
            this.algorithm = algorithm;
            this.chunk = credential.maxBatchSize() > 0 ? credential.maxBatchSize() : prepared.size();
            this.prepared = prepared;
        }

        SignRequest nextChunk() {
            int from = values.size();
            int to = Math.min(from + chunk, prepared.size());
            int parts = (prepared.size() + chunk - 1) / chunk;
            String description = parts == 1 ? request.description()
                    : request.description() + " (phần " + (from / chunk + 1) + "/" + parts + ")";
            return new SignRequest(request.signer(), credentialId, algorithm,
                    prepared.subList(from, to).stream().map(PreparedSignature::digest).toList(),
                    request.authorisation(), description);
        }
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
        return advance(new Batch(providerId, request, credential, algorithm, prepared), provider);
    }

    BatchOutcome resume(String batchId) throws SigningException {
        Batch batch = pending.get(batchId);
        if (batch == null) {
            throw new SigningException("Không tìm thấy lô ký " + batchId, "No pending batch " + batchId);
        }
        SignatureProvider provider;
        try {
            provider = provider(batch.providerId);
        } catch (ProviderUnavailableException e) {
            pending.remove(batchId); // the batch fails as a whole; sign it again once a provider is back
            throw e;
        }
        return advance(batch, provider);
    }

    void cancel(String batchId) {
        Batch batch = pending.remove(batchId);
        if (batch != null && batch.handle != null) {
            SignatureProvider p = providers.apply(batch.providerId);
            if (p != null) {
                p.cancel(batch.handle);
            }
        }
    }

    /** Asks the provider for the values still missing, chunk by chunk; stops at a pending answer. */
    private BatchOutcome advance(Batch batch, SignatureProvider provider) throws SigningException {
        synchronized (batch) {
            try {
                collectValues(batch, provider);
            } catch (SigningException | RuntimeException e) {
                pending.remove(batch.id);
                throw e;
            }
            if (batch.handle != null) {
                return new BatchOutcome.Pending(batch.id, batch.pendingVi, batch.pendingEn, batch.expiresAt,
                        batch.pollAfterMillis);
            }
            pending.remove(batch.id);
        }
        List<Callable<BatchOutcome.SignedDocument>> tasks = new ArrayList<>();
        DocumentFormat format = batch.request.format();
        for (int i = 0; i < batch.prepared.size(); i++) {
            int n = i;
            tasks.add(() -> new BatchOutcome.SignedDocument(batch.request.documents().get(n).documentId(),
                    format == DocumentFormat.PDF ? pades.embed(batch.prepared.get(n), batch.values.get(n))
                            : xades().embed(batch.prepared.get(n), batch.values.get(n))));
        }
        return new BatchOutcome.Completed(batch.id, parallel(tasks));
    }

    /** Fills {@code batch.values}, or leaves {@code batch.handle} set when the provider answers pending. */
    private void collectValues(Batch batch, SignatureProvider provider) throws SigningException {
        while (batch.values.size() < batch.prepared.size()) {
            SignRequest next = batch.nextChunk();
            SignResult result = batch.handle != null ? provider.poll(batch.handle) : provider.sign(next);
            if (result instanceof SignResult.Pending p) {
                batch.handle = p.handle();
                batch.pendingVi = p.messageVi();
                batch.pendingEn = p.messageEn();
                batch.expiresAt = p.expiresAt();
                batch.pollAfterMillis = p.pollAfterMillis();
                pending.put(batch.id, batch);
                return;
            }
            batch.handle = null;
            List<byte[]> values = ((SignResult.Signed) result).signatureValues();
            if (values.size() != next.size()) {
                throw new SigningException("Dịch vụ ký số trả về thiếu chữ ký",
                        "The provider returned " + values.size() + " values for " + next.size() + " digests");
            }
            batch.values.addAll(values);
        }
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
