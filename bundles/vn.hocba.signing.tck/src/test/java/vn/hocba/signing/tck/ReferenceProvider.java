package vn.hocba.signing.tck;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignatureProviderException;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.spi.UnknownCredentialException;
import vn.hocba.signing.spi.WrongAuthorisationException;

/** A correct in-memory provider, to show the kit passes a good provider (and, wrapped, fails bad ones). */
class ReferenceProvider implements SignatureProvider {

    static final String CREDENTIAL = "ref-1";
    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private final SignerRef signer;
    private final PrivateKey key;
    private final List<byte[]> chain;
    private final String label;
    private final char[] pin;
    private final boolean asynchronous;
    private final int maxBatchSize;
    private final Map<String, Batch> pending = new ConcurrentHashMap<>();

    private record Batch(SignRequest request, boolean[] confirmed) {
    }

    ReferenceProvider(SignerRef signer, PrivateKey key, List<byte[]> chain, String label, char[] pin,
            boolean asynchronous, int maxBatchSize) {
        this.signer = signer;
        this.key = key;
        this.chain = chain;
        this.label = label;
        this.pin = pin;
        this.asynchronous = asynchronous;
        this.maxBatchSize = maxBatchSize;
    }

    @Override
    public String id() {
        return asynchronous ? "reference-async" : "reference";
    }

    @Override
    public List<Credential> credentials(SignerRef who) {
        if (!signer.equals(who)) {
            return List.of();
        }
        AuthorisationMode mode = asynchronous ? AuthorisationMode.REMOTE_CONFIRMATION
                : pin != null ? AuthorisationMode.PIN : AuthorisationMode.NONE;
        return List.of(new Credential(CREDENTIAL, label, chain, KeyAlgorithm.RSA, mode, maxBatchSize));
    }

    @Override
    public SignResult sign(SignRequest request) throws SignatureProviderException {
        if (!CREDENTIAL.equals(request.credentialId()) || !signer.equals(request.signer())) {
            throw new UnknownCredentialException(request.credentialId());
        }
        if (request.signatureAlgorithm().keyAlgorithm() != KeyAlgorithm.RSA
                || request.signatureAlgorithm().digestAlgorithm().length() != 32) {
            throw new SignatureProviderException("Thuật toán không hỗ trợ", "Unsupported algorithm");
        }
        if (maxBatchSize > 0 && request.size() > maxBatchSize) {
            throw new SignatureProviderException("Lô quá lớn", "Batch too large");
        }
        if (pin != null && !(request.authorisation() instanceof Authorisation.Pin p && Arrays.equals(p.pin(), pin))) {
            throw new WrongAuthorisationException(-1, null);
        }
        if (asynchronous) {
            String token = UUID.randomUUID().toString();
            pending.put(token, new Batch(request, new boolean[1]));
            return pendingResult(token, request);
        }
        return signNow(request);
    }

    void confirm(String token) {
        Batch b = pending.get(token);
        if (b != null) {
            b.confirmed()[0] = true;
        }
    }

    @Override
    public SignResult poll(SignResult.PendingHandle handle) throws SignatureProviderException {
        Batch b = pending.get(handle.token());
        if (b == null) {
            throw new UnknownCredentialException(handle.token());
        }
        if (!b.confirmed()[0]) {
            return pendingResult(handle.token(), b.request());
        }
        pending.remove(handle.token());
        return signNow(b.request());
    }

    @Override
    public void cancel(SignResult.PendingHandle handle) {
        pending.remove(handle.token());
    }

    private SignResult pendingResult(String token, SignRequest request) {
        return new SignResult.Pending(new SignResult.PendingHandle(id(), token, request.credentialId(), request.size()),
                "Xác nhận trên điện thoại", "Confirm on your phone", null, 10);
    }

    private SignResult.Signed signNow(SignRequest request) throws SignatureProviderException {
        try {
            List<byte[]> values = new ArrayList<>();
            for (byte[] digest : request.digests()) {
                Signature s = Signature.getInstance("NONEwithRSA");
                s.initSign(key);
                s.update(SHA256_DIGEST_INFO);
                s.update(digest);
                values.add(s.sign());
            }
            return new SignResult.Signed(values);
        } catch (GeneralSecurityException e) {
            throw new SignatureProviderException("Lỗi ký", "Signing failed", e);
        }
    }
}
