package vn.hocba.signing.csc.internal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.AuthorisationExpiredException;
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
 * A {@link SignatureProvider} over a remote signing service that speaks the Cloud Signature Consortium API v2.
 * A batch is one {@code credentials/authorize} for {@code numSignatures} = N with all N hashes (so one
 * confirmation on the phone signs a whole class), then one {@code signatures/signHash} with all of them. When
 * the service answers the authorisation with HTTP 202 (the signer must confirm elsewhere), {@link #sign} returns
 * {@link SignResult.Pending}; {@link #poll} asks {@code credentials/authorizeCheck} until the SAD comes.
 * Stateless between calls: a pending batch lives in its handle. Once deactivated (bundle stopped, configuration
 * removed) it hands out nothing more, not even values the service returns for a call that was under way: such a
 * batch fails with {@link ProviderUnavailableException}, like a batch whose provider has gone.
 */
@Component(configurationPid = CscProviderConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = SignatureProvider.class)
@Designate(ocd = CscProviderConfig.class, factory = true)
public class CscSignatureProvider implements SignatureProvider {

    static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";

    private final CscSettings settings;
    private final CscClient client;
    private volatile boolean active = true;

    /** A credential as {@code credentials/info} describes it. */
    private record RemoteCredential(Credential credential, List<String> keyAlgorithms) {
    }

    @Activate
    public CscSignatureProvider(CscProviderConfig config) {
        this(CscSettings.from(config));
    }

    public CscSignatureProvider(CscSettings settings) {
        this.settings = settings;
        this.client = new CscClient(settings);
    }

    @Deactivate
    void deactivate() {
        active = false;
    }

    @Override
    public String id() {
        return settings.providerId();
    }

    private void ensureActive() throws ProviderUnavailableException {
        if (!active) {
            throw new ProviderUnavailableException(id(), "the provider was stopped", null);
        }
    }

    @Override
    public List<Credential> credentials(SignerRef signer) throws SignatureProviderException {
        ensureActive();
        Optional<String> userId = settings.userIdFor(signer);
        if (userId.isEmpty()) {
            return List.of();
        }
        List<Credential> out = new ArrayList<>();
        for (String credentialId : credentialIds(userId.get())) {
            RemoteCredential c = describe(credentialId);
            if (c != null) {
                out.add(c.credential());
            }
        }
        return out;
    }

    @Override
    public SignResult sign(SignRequest request) throws SignatureProviderException {
        ensureActive();
        Optional<String> userId = settings.userIdFor(request.signer());
        if (userId.isEmpty() || !credentialIds(userId.get()).contains(request.credentialId())) {
            throw new UnknownCredentialException(request.credentialId());
        }
        RemoteCredential remote = describe(request.credentialId());
        if (remote == null) {
            throw new UnknownCredentialException(request.credentialId());
        }
        Credential credential = remote.credential();
        int max = credential.maxBatchSize();
        if (max > 0 && request.size() > max) {
            throw new SignatureProviderException(
                    "Lô ký có " + request.size() + " chữ ký, vượt giới hạn " + max + " của dịch vụ ký số",
                    "A batch of " + request.size() + " digests exceeds the service's limit of " + max);
        }
        if (request.signatureAlgorithm().keyAlgorithm() != credential.keyAlgorithm()) {
            throw new SignatureProviderException(
                    "Thuật toán " + request.signatureAlgorithm() + " không dùng được với khóa " + credential.keyAlgorithm(),
                    "Algorithm " + request.signatureAlgorithm() + " does not fit a " + credential.keyAlgorithm() + " key");
        }
        String[] algorithms = signAlgorithms(request, remote.keyAlgorithms());
        List<String> hashes = new ArrayList<>();
        for (byte[] d : request.digests()) {
            hashes.add(Base64.getEncoder().encodeToString(d));
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentialID", request.credentialId());
        body.put("numSignatures", (long) request.size());
        body.put("hashes", hashes);
        body.put("hashAlgorithmOID", request.digestAlgorithm().oid());
        String description = request.description();
        body.put("description", description.length() > 500 ? description.substring(0, 500) : description);
        addAuthData(body, credential.authorisation(), request.authorisation());

        CscClient.Response answer = callMapped("credentials/authorize", body, request.credentialId());
        PendingToken batch = new PendingToken(null, request.credentialId(), algorithms[0], algorithms[1],
                credential.keyAlgorithm() == KeyAlgorithm.EC,
                Instant.now().plus(settings.confirmationTimeout()).toEpochMilli(), hashes);
        ensureActive();
        if (answer.status() == 202) {
            return pending(batch.withHandle(handleOf(answer)), request.size());
        }
        return signHash(batch, sadOf(answer));
    }

    @Override
    public SignResult poll(SignResult.PendingHandle handle) throws SignatureProviderException {
        ensureActive();
        PendingToken batch = id().equals(handle.providerId()) ? PendingToken.decode(handle.token()) : null;
        if (batch == null || batch.handle() == null) {
            throw new UnknownCredentialException(handle.token().length() > 40
                    ? handle.token().substring(0, 40) + "…" : handle.token());
        }
        if (System.currentTimeMillis() > batch.expiresAtMillis()) {
            throw new AuthorisationExpiredException("không xác nhận kịp trong " + settings.confirmationTimeout().toSeconds()
                    + " giây — not confirmed within " + settings.confirmationTimeout().toSeconds() + " s", null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("handle", batch.handle());
        CscClient.Response answer = callMapped("credentials/authorizeCheck", body, batch.credentialId());
        ensureActive();
        if (answer.status() == 202) {
            String next = answer.body().get("handle") instanceof String h && !h.isBlank() ? h : batch.handle();
            return pending(batch.withHandle(next), batch.hashes().size());
        }
        return signHash(batch, sadOf(answer));
    }

    private SignResult.Signed signHash(PendingToken batch, String sad) throws SignatureProviderException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentialID", batch.credentialId());
        body.put("SAD", sad);
        body.put("hashes", batch.hashes());
        if (batch.hashAlgorithmOid() != null) {
            body.put("hashAlgorithmOID", batch.hashAlgorithmOid());
        }
        body.put("signAlgo", batch.signAlgo());
        body.put("operationMode", "S");
        CscClient.Response answer = callMapped("signatures/signHash", body, batch.credentialId());
        if (!(answer.body().get("signatures") instanceof List<?> signatures) || signatures.size() != batch.hashes().size()) {
            throw new SignatureProviderException("Dịch vụ ký số trả về số chữ ký không khớp",
                    "The service returned " + (answer.body().get("signatures") instanceof List<?> l ? l.size() : "no")
                            + " signatures for " + batch.hashes().size() + " hashes");
        }
        List<byte[]> values = new ArrayList<>();
        try {
            for (Object s : signatures) {
                byte[] value = Base64.getDecoder().decode((String) s);
                values.add(batch.ec() ? EcdsaValues.toDer(value) : value);
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new SignatureProviderException("Dịch vụ ký số trả về chữ ký không đọc được",
                    "The service returned an unreadable signature value: " + e.getMessage(), e);
        }
        ensureActive(); // stopped while the service was signing: the batch fails whole, nothing is handed out
        return new SignResult.Signed(values);
    }

    private SignResult.Pending pending(PendingToken batch, int size) {
        return new SignResult.Pending(new SignResult.PendingHandle(id(), batch.encode(), batch.credentialId(), size),
                "Hãy xác nhận ký " + size + " học bạ trên ứng dụng ký số của điện thoại",
                "Confirm the signing of " + size + " records in the signing app on your phone",
                Instant.ofEpochMilli(batch.expiresAtMillis()), settings.pollAfter().toMillis());
    }

    private List<String> credentialIds(String userId) throws SignatureProviderException {
        client.info();
        Map<String, Object> body = new LinkedHashMap<>();
        if (!userId.isEmpty()) {
            body.put("userID", userId);
        }
        body.put("maxResults", 100L);
        CscClient.Response r = callMapped("credentials/list", body, null);
        List<String> ids = new ArrayList<>();
        if (r.body().get("credentialIDs") instanceof List<?> list) {
            for (Object o : list) {
                ids.add(String.valueOf(o));
            }
        }
        return ids;
    }

    /** The credential from {@code credentials/info}, or {@code null} if disabled or not usable by this client. */
    private RemoteCredential describe(String credentialId) throws SignatureProviderException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentialID", credentialId);
        body.put("certificates", "chain");
        body.put("certInfo", false);
        body.put("authInfo", true);
        Map<String, Object> info = callMapped("credentials/info", body, credentialId).body();
        Map<String, Object> key = map(info.get("key"));
        Map<String, Object> cert = map(info.get("cert"));
        if ("disabled".equals(key.get("status")) || !(cert.get("certificates") instanceof List<?> certs) || certs.isEmpty()) {
            return null;
        }
        List<byte[]> chain = new ArrayList<>();
        X509Certificate signer;
        try {
            for (Object c : certs) {
                chain.add(Base64.getMimeDecoder().decode((String) c));
            }
            signer = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(chain.get(0)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new SignatureProviderException("Chứng thư số từ dịch vụ không đọc được",
                    "The service returned an unreadable certificate for " + credentialId, e);
        }
        AuthorisationMode mode = authorisationMode(info);
        if (mode == null) {
            return null; // oauth2code: needs the signer's browser, not usable for batches from the server
        }
        KeyAlgorithm keyAlgorithm = "EC".equals(signer.getPublicKey().getAlgorithm()) ? KeyAlgorithm.EC : KeyAlgorithm.RSA;
        int multisign = info.get("multisign") instanceof Number n ? n.intValue() : 1;
        int max = settings.maxBatchSize() > 0 ? Math.min(settings.maxBatchSize(), Math.max(multisign, 1)) : Math.max(multisign, 1);
        List<String> keyAlgorithms = new ArrayList<>();
        if (key.get("algo") instanceof List<?> algos) {
            algos.forEach(a -> keyAlgorithms.add(String.valueOf(a)));
        }
        String label = signer.getSubjectX500Principal().getName() + " (" + credentialId + ")";
        return new RemoteCredential(new Credential(credentialId, label, chain, keyAlgorithm, mode, max), keyAlgorithms);
    }

    /** v2.0.0.2 {@code auth.mode/objects} or v2.0.0.0 {@code authMode/PIN/OTP}; {@code null} for oauth2code. */
    static AuthorisationMode authorisationMode(Map<String, Object> info) {
        Map<String, Object> auth = map(info.get("auth"));
        String mode = auth.get("mode") instanceof String m ? m : info.get("authMode") instanceof String m ? m : "explicit";
        if ("oauth2code".equals(mode)) {
            return null;
        }
        if ("implicit".equals(mode)) {
            return AuthorisationMode.REMOTE_CONFIRMATION;
        }
        boolean pin = false;
        boolean otp = false;
        if (auth.get("objects") instanceof List<?> objects) {
            for (Object o : objects) {
                Object id = map(o).get("id");
                pin |= "PIN".equals(id);
                otp |= "OTP".equals(id);
            }
        }
        pin |= "true".equals(String.valueOf(map(info.get("PIN")).get("presence")));
        otp |= "true".equals(String.valueOf(map(info.get("OTP")).get("presence")));
        // PIN AND OTP cannot be carried by one SPI Authorisation: the PIN is asked (see the report to signing.api)
        return pin ? AuthorisationMode.PIN : otp ? AuthorisationMode.OTP : AuthorisationMode.REMOTE_CONFIRMATION;
    }

    private void addAuthData(Map<String, Object> body, AuthorisationMode mode, Authorisation given)
            throws SignatureProviderException {
        String id;
        String value;
        if (mode == AuthorisationMode.PIN) {
            if (!(given instanceof Authorisation.Pin p)) {
                throw new WrongAuthorisationException(-1, null);
            }
            id = "PIN";
            value = new String(p.pin());
        } else if (mode == AuthorisationMode.OTP) {
            if (!(given instanceof Authorisation.Otp o)) {
                throw new WrongAuthorisationException(-1, null);
            }
            id = "OTP";
            value = o.code();
        } else {
            return;
        }
        if (settings.authDataStyle() == AuthDataStyle.AUTH_DATA) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", id);
            entry.put("value", value);
            body.put("authData", List.of(entry));
        } else {
            body.put(id, value);
        }
    }

    /** {signAlgo, hashAlgorithmOID or null}: the algorithm's own OID if offered, else the key's OID with the hash OID. */
    private static String[] signAlgorithms(SignRequest request, List<String> offered) throws SignatureProviderException {
        String full = request.signatureAlgorithm().oid();
        String keyOid = request.signatureAlgorithm().keyAlgorithm() == KeyAlgorithm.RSA ? RSA_ENCRYPTION : EC_PUBLIC_KEY;
        if (offered.isEmpty() || offered.contains(full)) {
            return new String[] {full, null};
        }
        if (offered.contains(keyOid)) {
            return new String[] {keyOid, request.digestAlgorithm().oid()};
        }
        throw new SignatureProviderException("Dịch vụ ký số không hỗ trợ " + request.signatureAlgorithm(),
                "The service offers " + offered + ", not " + request.signatureAlgorithm() + " (" + full + ")");
    }

    /** A CSC call whose refusals become the SPI's exceptions. */
    private CscClient.Response callMapped(String method, Map<String, Object> body, String credentialId)
            throws SignatureProviderException {
        try {
            return client.call(method, body);
        } catch (CscClient.CscError e) {
            throw refusal(method, e, credentialId);
        }
    }

    static SignatureProviderException refusal(String method, CscClient.CscError e, String credentialId) {
        String error = e.error.toLowerCase(Locale.ROOT);
        String text = e.description.toLowerCase(Locale.ROOT);
        if (text.contains("locked")) {
            return new WrongAuthorisationException(0, e);
        }
        if (error.equals("invalid_authentication_data") || error.equals("invalid_pin") || error.equals("invalid_otp")
                || text.matches(".*\\b(invalid|wrong|incorrect)\\b.*\\b(pin|otp|authentication data)\\b.*")
                || text.matches(".*\\b(pin|otp)\\b.*\\b(invalid|wrong|incorrect)\\b.*")) {
            return new WrongAuthorisationException(-1, e);
        }
        if (text.contains("credentialid") && credentialId != null) {
            return new UnknownCredentialException(credentialId);
        }
        if (text.contains("sad") || error.contains("sad") || error.equals("expired_token") || error.equals("access_denied")
                || text.contains("expired") || text.contains("denied") || text.contains("refused") || text.contains("rejected")
                || text.contains("parameter handle")) {
            return new AuthorisationExpiredException(method + ": " + e.getMessage(), e);
        }
        return new SignatureProviderException("Dịch vụ ký số từ chối " + method + ": " + e.description,
                "The signing service refused " + method + ": " + e.getMessage(), e);
    }

    private static String handleOf(CscClient.Response r) throws SignatureProviderException {
        if (r.body().get("handle") instanceof String h && !h.isBlank()) {
            return h;
        }
        throw new SignatureProviderException("Dịch vụ ký số trả lời thiếu handle",
                "The service answered 202 without a handle to poll");
    }

    private static String sadOf(CscClient.Response r) throws SignatureProviderException {
        if (r.body().get("SAD") instanceof String sad && !sad.isBlank()) {
            return sad;
        }
        throw new SignatureProviderException("Dịch vụ ký số không trả mã SAD",
                "The service authorised the credential without a SAD");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
