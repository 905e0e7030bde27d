package vn.hocba.workflow.internal.fakes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.BatchOutcome;
import vn.hocba.signing.BatchRequest;
import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureOrderException;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.XadesEngine;
import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignatureProviderException;
import vn.hocba.signing.spi.SignerRef;

/**
 * Stand-ins for the signing bundles with the same contracts and none of the cryptography (the real engine is tested
 * in signing.pades): a "document" is text, a signature is a line naming the role and the value, the signing order is
 * enforced as the real engine does, and the provider's value is checked at embedding.
 */
public final class FakeSigning {

    private FakeSigning() {
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) md.update(p);
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The roles signed into a fake document, in order. */
    public static List<SignerRole> roles(byte[] document) {
        List<SignerRole> out = new ArrayList<>();
        for (String line : new String(document, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("%SIG:") || line.startsWith("<!--SIG:")) {
                out.add(SignerRole.valueOf(line.split(":")[1]));
            }
        }
        return out;
    }

    static void checkOrder(List<SignerRole> signed, SignerRole role) throws SignatureOrderException {
        int last = signed.isEmpty() ? 0 : signed.get(signed.size() - 1).step();
        if (last == 3 || role.step() != last + 1) {
            throw new SignatureOrderException("Sai thứ tự ký: " + role.labelVi() + " sau " + signed,
                    "Out of order: " + role + " after " + signed);
        }
    }

    static PreparedSignature prepare(DocumentFormat format, byte[] doc, SignatureParameters p)
            throws SigningException {
        checkOrder(roles(doc), p.signer().role());
        byte[] role = p.signer().role().name().getBytes(StandardCharsets.UTF_8);
        byte[] state = (p.signer().role().name() + "\n" + new String(doc, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        return new PreparedSignature(format, p.signer().role(), sha256(doc, role), p.signatureAlgorithm(), state);
    }

    static byte[] embed(PreparedSignature prepared, byte[] value, String prefix, String suffix)
            throws SigningException {
        if (!java.util.Arrays.equals(value, FakeProvider.valueFor(prepared.digest()))) {
            throw new SigningException("Chữ ký không khớp", "The signature value does not match the digest");
        }
        String state = new String(prepared.state(), StandardCharsets.UTF_8);
        int nl = state.indexOf('\n');
        String doc = state.substring(nl + 1);
        return (doc + "\n" + prefix + state.substring(0, nl) + ":" + hex(value) + suffix)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** PAdES as text. */
    public static final class FakePades implements PadesEngine {
        public final AtomicInteger embedded = new AtomicInteger();

        @Override
        public PreparedSignature prepare(byte[] pdf, SignatureParameters parameters) throws SigningException {
            if (new String(pdf, StandardCharsets.UTF_8).contains("%CERTIFIED")) {
                throw new SignatureOrderException("Đã đóng dấu", "Sealed: nothing may be signed after the seal");
            }
            return FakeSigning.prepare(DocumentFormat.PDF, pdf, parameters);
        }

        @Override
        public byte[] embed(PreparedSignature prepared, byte[] signatureValue) throws SigningException {
            embedded.incrementAndGet();
            byte[] out = FakeSigning.embed(prepared, signatureValue, "%SIG:", "");
            return prepared.role() == SignerRole.SCHOOL_SEAL
                    ? (new String(out, StandardCharsets.UTF_8) + "\n%CERTIFIED").getBytes(StandardCharsets.UTF_8)
                    : out;
        }

        @Override
        public byte[] extend(byte[] pdf, BaselineLevel level) {
            return (new String(pdf, StandardCharsets.UTF_8) + "\n%DSS " + level).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public List<SignerRole> signedRoles(byte[] pdf) {
            return roles(pdf);
        }
    }

    /** XAdES as text. */
    public static final class FakeXades implements XadesEngine {
        @Override
        public PreparedSignature prepare(byte[] xml, SignatureParameters parameters) throws SigningException {
            return FakeSigning.prepare(DocumentFormat.XML, xml, parameters);
        }

        @Override
        public byte[] embed(PreparedSignature prepared, byte[] signatureValue) throws SigningException {
            return FakeSigning.embed(prepared, signatureValue, "<!--SIG:", "-->");
        }

        @Override
        public List<SignerRole> signedRoles(byte[] xml) {
            return roles(xml);
        }
    }

    /** A provider whose "signature" of a digest is its SHA-256; can answer pending, or be unavailable. */
    public static final class FakeProvider implements SignatureProvider {
        public final AtomicInteger batches = new AtomicInteger();
        public final AtomicInteger digests = new AtomicInteger();
        public final AtomicInteger polls = new AtomicInteger();
        public volatile boolean unavailable;
        public volatile boolean remote;
        public volatile boolean confirmed;
        /** The host dies while the provider signs (nothing of the batch comes back). */
        public volatile boolean crashOnSign;
        /** Credentials want this PIN, which the provider clears after each use (as the SPI allows); null: no PIN. */
        public volatile String pin;
        /** Cannot even list credentials (a remote service down). */
        public volatile boolean credentialsUnavailable;
        private volatile List<byte[]> pendingValues = List.of();

        static byte[] valueFor(byte[] digest) {
            return sha256("fake-key".getBytes(StandardCharsets.UTF_8), digest);
        }

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public List<Credential> credentials(SignerRef signer) throws SignatureProviderException {
            if (credentialsUnavailable) throw new ProviderUnavailableException("fake", "service down", null);
            return List.of(new Credential("cred-" + signer.signerId(), "CN=" + signer.signerId(),
                    List.of(signer.toString().getBytes(StandardCharsets.UTF_8)), KeyAlgorithm.RSA,
                    remote ? AuthorisationMode.REMOTE_CONFIRMATION
                            : pin != null ? AuthorisationMode.PIN : AuthorisationMode.NONE, 0));
        }

        @Override
        public SignResult sign(SignRequest request) throws SignatureProviderException {
            if (unavailable) throw new ProviderUnavailableException("fake", "switched off", null);
            if (pin != null) {
                if (!(request.authorisation() instanceof vn.hocba.signing.spi.Authorisation.Pin given)
                        || !pin.equals(new String(given.pin()))) {
                    throw new vn.hocba.signing.spi.WrongAuthorisationException(2, null);
                }
                java.util.Arrays.fill(given.pin(), '\0');
            }
            batches.incrementAndGet();
            if (crashOnSign) {
                crashOnSign = false;
                throw new InMemoryStore.HostCrash();
            }
            digests.addAndGet(request.size());
            List<byte[]> values = request.digests().stream().map(FakeProvider::valueFor).toList();
            if (remote) {
                pendingValues = values;
                return new SignResult.Pending(new SignResult.PendingHandle("fake", "tx-" + batches.get(),
                        request.credentialId(), request.size()), "Xác nhận trên điện thoại", "Confirm on your phone",
                        Instant.now().plusSeconds(3600), 2000);
            }
            return new SignResult.Signed(values);
        }

        @Override
        public SignResult poll(SignResult.PendingHandle handle) {
            polls.incrementAndGet();
            if (!confirmed) {
                return new SignResult.Pending(handle, "Đang chờ", "Waiting", Instant.now().plusSeconds(3600), 2000);
            }
            return new SignResult.Signed(pendingValues);
        }
    }

    /** Routes every signer to the fake provider. */
    public static final class FakeSigningService implements SigningService {
        private final FakeProvider provider;

        public FakeSigningService(FakeProvider provider) {
            this.provider = provider;
        }

        @Override
        public List<Credential> credentials(SignerRef signer) throws SignatureProviderException {
            return provider.credentials(signer);
        }

        @Override
        public String providerFor(SignerRef signer) {
            return provider.id();
        }

        @Override
        public BatchOutcome sign(BatchRequest request) {
            throw new UnsupportedOperationException("the workflow batches through the provider itself");
        }

        @Override
        public BatchOutcome resume(String batchId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(String batchId) {
            // nothing pending here
        }
    }
}
