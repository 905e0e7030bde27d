package vn.hocba.signing.pades.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.util.List;

import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.SignatureAlgorithm;

/**
 * Lets the JDK's XML signature code run its "sign" step without a key: a private JCA provider (never
 * registered globally) whose Signature captures the canonical SignedInfo bytes and returns a placeholder
 * value. The engine then asks the real signer for the value of those bytes' digest and puts it in.
 */
final class DigestCapture {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Provider provider;

    DigestCapture(SignatureAlgorithm algorithm) {
        provider = new CaptureProvider(algorithm, captured);
    }

    /** A provider with one Signature service whose instances write into this capture. */
    private static final class CaptureProvider extends Provider {
        private static final long serialVersionUID = 1L;

        CaptureProvider(SignatureAlgorithm algorithm, ByteArrayOutputStream sink) {
            super("hocba-capture", "1.0", "captures the data to sign");
            putService(new Provider.Service(this, "Signature", algorithm.jcaName(), Spi.class.getName(), List.of(), null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return new Spi(sink, algorithm.keyAlgorithm());
                }
            });
        }
    }

    Provider provider() {
        return provider;
    }

    byte[] captured() {
        return captured.toByteArray();
    }

    /** A stand-in private key of the right algorithm; never used for any computation. */
    static PrivateKey placeholderKey(KeyAlgorithm algorithm) {
        return new PrivateKey() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getAlgorithm() {
                return algorithm == KeyAlgorithm.RSA ? "RSA" : "EC";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
    }

    /** Collects the bytes; "signs" with a well-formed placeholder (DER (1,1) for ECDSA). */
    public static final class Spi extends SignatureSpi {
        private final ByteArrayOutputStream sink;
        private final KeyAlgorithm algorithm;

        Spi(ByteArrayOutputStream sink, KeyAlgorithm algorithm) {
            this.sink = sink;
            this.algorithm = algorithm;
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            throw new InvalidKeyException("capture only");
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) {
            sink.reset();
        }

        @Override
        protected void engineUpdate(byte b) {
            sink.write(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            sink.write(b, off, len);
        }

        @Override
        protected byte[] engineSign() {
            if (algorithm == KeyAlgorithm.RSA) {
                return new byte[256];
            }
            byte[] one = BigInteger.ONE.toByteArray();
            return new byte[] {0x30, 0x06, 0x02, 0x01, one[0], 0x02, 0x01, one[0]};
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            throw new SignatureException("capture only");
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new InvalidParameterException(param);
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            return null;
        }
    }
}
