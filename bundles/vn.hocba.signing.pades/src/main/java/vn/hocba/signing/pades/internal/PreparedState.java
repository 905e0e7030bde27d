package vn.hocba.signing.pades.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import vn.hocba.signing.BaselineLevel;

/**
 * The engine's state between prepare and embed, as self-contained bytes: the prepared revision (with a zeroed
 * /Contents placeholder), where the placeholder is, the DER signed attributes, the chain and the target level.
 */
record PreparedState(byte[] pdf, int contentsOffset, int contentsLength, byte[] signedAttributes,
        List<byte[]> chain, BaselineLevel level) {

    private static final int MAGIC = 0x48425031; // "HBP1"

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(pdf.length + 8192);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(level.ordinal());
            out.writeInt(contentsOffset);
            out.writeInt(contentsLength);
            writeBytes(out, signedAttributes);
            out.writeInt(chain.size());
            for (byte[] c : chain) {
                writeBytes(out, c);
            }
            writeBytes(out, pdf);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static PreparedState decode(byte[] state) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a prepared PAdES signature state");
            }
            BaselineLevel level = BaselineLevel.values()[in.readInt()];
            int offset = in.readInt();
            int length = in.readInt();
            byte[] attrs = readBytes(in);
            int n = in.readInt();
            List<byte[]> chain = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                chain.add(readBytes(in));
            }
            return new PreparedState(readBytes(in), offset, length, attrs, chain, level);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 512 * 1024 * 1024) {
            throw new IOException("corrupt prepared state");
        }
        return in.readNBytes(n);
    }
}
