package vn.hocba.demo.internal.pki;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculator;

/**
 * Bouncy Castle's builder interfaces over the JDK's own algorithms, so the demo needs neither BC's JCA helpers nor
 * its provider (which would drag most of Bouncy Castle into the bundle).
 */
final class JdkOperators {

    private JdkOperators() {
    }

    /** SHA256withRSA by the JDK. */
    static ContentSigner signer(String algorithm, PrivateKey key) throws GeneralSecurityException {
        if (!"SHA256withRSA".equals(algorithm)) throw new IllegalArgumentException(algorithm);
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(key);
        AlgorithmIdentifier id = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return id;
            }

            @Override
            public OutputStream getOutputStream() {
                return data;
            }

            @Override
            public byte[] getSignature() {
                try {
                    signature.update(data.toByteArray());
                    return signature.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("signing failed", e);
                }
            }
        };
    }

    /** Key identifiers as RFC 5280 method 1 (SHA-1 of the key bits), the digest by the JDK. */
    static X509ExtensionUtils extensionUtils() {
        return new X509ExtensionUtils(new DigestCalculator() {
            private final ByteArrayOutputStream data = new ByteArrayOutputStream();

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1);
            }

            @Override
            public OutputStream getOutputStream() {
                return data;
            }

            @Override
            public byte[] getDigest() {
                try {
                    byte[] d = MessageDigest.getInstance("SHA-1").digest(data.toByteArray());
                    data.reset();
                    return d;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }
}
