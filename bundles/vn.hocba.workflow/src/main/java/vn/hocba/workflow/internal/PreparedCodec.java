package vn.hocba.workflow.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureAlgorithm;

/**
 * Keeps prepared signatures in the job tables while a remote signer confirms: each with its place in the provider's
 * batch, so that any host can embed the values once the provider has them.
 */
public final class PreparedCodec {

    /** A prepared signature and the index of its digest in the provider batch. */
    public record Slot(int index, PreparedSignature prepared) {
    }

    private PreparedCodec() {
    }

    public static byte[] encode(List<Slot> slots) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(slots.size());
            for (Slot s : slots) {
                PreparedSignature p = s.prepared();
                out.writeInt(s.index());
                out.writeUTF(p.format().name());
                out.writeUTF(p.role().name());
                out.writeUTF(p.signatureAlgorithm().name());
                writeBytes(out, p.digest());
                writeBytes(out, p.state());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static List<Slot> decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int n = in.readInt();
            List<Slot> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = in.readInt();
                DocumentFormat format = DocumentFormat.valueOf(in.readUTF());
                SignerRole role = SignerRole.valueOf(in.readUTF());
                SignatureAlgorithm alg = SignatureAlgorithm.valueOf(in.readUTF());
                byte[] digest = readBytes(in);
                byte[] state = readBytes(in);
                out.add(new Slot(index, new PreparedSignature(format, role, digest, alg, state)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pending handle as one line of text. */
    public static String handle(SignResult.PendingHandle h) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return String.join(".", b.encodeToString(h.providerId().getBytes(StandardCharsets.UTF_8)),
                b.encodeToString(h.token().getBytes(StandardCharsets.UTF_8)),
                b.encodeToString(h.credentialId().getBytes(StandardCharsets.UTF_8)), Integer.toString(h.size()));
    }

    public static SignResult.PendingHandle handle(String text) {
        String[] p = text.split("\\.", -1);
        if (p.length != 4) throw new IllegalArgumentException("not a pending handle: " + text);
        Base64.Decoder d = Base64.getUrlDecoder();
        return new SignResult.PendingHandle(new String(d.decode(p[0]), StandardCharsets.UTF_8),
                new String(d.decode(p[1]), StandardCharsets.UTF_8), new String(d.decode(p[2]), StandardCharsets.UTF_8),
                Integer.parseInt(p[3]));
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }
}
