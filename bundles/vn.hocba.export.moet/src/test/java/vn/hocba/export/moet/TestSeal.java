package vn.hocba.export.moet;

import java.util.List;

import vn.hocba.export.moet.internal.pkg.SealKey;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.testpki.TestPki;

/** The test PKI's seal (or any identity) as a package seal key: real RSA keys, real certificates. */
public record TestSeal(TestPki.Identity identity) implements SealKey {

    public static TestSeal shared() {
        return new TestSeal(TestPki.shared().seal());
    }

    @Override
    public List<byte[]> certificateChain() {
        return identity.chainDer();
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.RSA_SHA256;
    }

    @Override
    public byte[] sign(byte[] digest) {
        return identity.signDigest(digest, algorithm().digestAlgorithm().oid());
    }
}
