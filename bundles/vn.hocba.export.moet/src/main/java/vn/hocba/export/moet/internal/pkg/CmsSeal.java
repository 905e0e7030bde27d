package vn.hocba.export.moet.internal.pkg;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.hocba.export.ExportException;
import vn.hocba.signing.spi.SignatureAlgorithm;

/**
 * The detached CMS signature of a package manifest by the school seal: SignedData without content, signed
 * attributes content-type, message-digest and signing-certificate-v2 (no signing time, so a package rebuilt after a
 * restart signs the same way), the seal's chain in the certificates. The signature value comes from the seal's
 * provider, over the digest of the DER signed attributes.
 */
public final class CmsSeal {

    /** Bouncy Castle of this bundle, never registered in the JVM. */
    private static final Provider BC = new BouncyCastleProvider();

    private CmsSeal() {}

    public static byte[] sign(byte[] content, SealKey key) {
        try {
            List<X509Certificate> chain = certificates(key.certificateChain());
            X509Certificate signer = chain.get(0);
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
            AttributeTable extra = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash)))));
            CMSAttributeTableGenerator signedAttributes = parameters -> {
                ASN1EncodableVector v = new ASN1EncodableVector();
                v.add(new Attribute(CMSAttributes.contentType,
                        new DERSet((org.bouncycastle.asn1.ASN1ObjectIdentifier) parameters.get(
                                CMSAttributeTableGenerator.CONTENT_TYPE))));
                v.add(new Attribute(CMSAttributes.messageDigest,
                        new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
                v.add(extra.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
                return new AttributeTable(v);
            };
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .setSignedAttributeGenerator(signedAttributes)
                    .build(new ProviderSigner(key), new X509CertificateHolder(signer.getEncoded())));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new ExportException("Không ký được bảng kê của gói: " + e.getMessage(),
                    "Cannot sign the package manifest: " + e.getMessage(), e);
        }
    }

    /**
     * The verification of a detached signature.
     *
     * @param valid    exactly one signer, the value matches the content and the signer's certificate chains to a trust
     *                 anchor
     * @param signer   the signer's certificate, or null if none could be read
     * @param problem  why not valid, English; empty when valid
     */
    public record Verification(boolean valid, X509Certificate signer, String problem) {
    }

    public static Verification verify(byte[] content, byte[] signature, Collection<X509Certificate> anchors) {
        X509Certificate signerCert = null;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new Verification(false, null, "expected one signer, found " + signers.size());
            }
            SignerInformation si = signers.iterator().next();
            List<X509Certificate> certs = new ArrayList<>();
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Object holder : signed.getCertificates().getMatches(null)) {
                certs.add((X509Certificate) cf.generateCertificate(
                        new ByteArrayInputStream(((X509CertificateHolder) holder).getEncoded())));
            }
            for (X509Certificate c : certs) {
                if (si.getSID().match(new X509CertificateHolder(c.getEncoded()))) signerCert = c;
            }
            if (signerCert == null) {
                return new Verification(false, null, "the signer's certificate is not in the signature");
            }
            if (si.getSignedAttributes() == null || si.getSignedAttributes()
                    .get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) == null) {
                return new Verification(false, signerCert, "no signing-certificate-v2 attribute");
            }
            if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(signerCert))) {
                return new Verification(false, signerCert, "the signature value does not match the manifest");
            }
            String chainProblem = chainProblem(signerCert, certs, anchors);
            return new Verification(chainProblem.isEmpty(), signerCert, chainProblem);
        } catch (CMSException e) {
            return new Verification(false, signerCert, "the signature does not match the manifest or is damaged: "
                    + e.getMessage());
        } catch (GeneralSecurityException | OperatorCreationException | IOException | RuntimeException e) {
            return new Verification(false, signerCert, "the signature cannot be read: " + e.getMessage());
        }
    }

    /** PKIX path from the signer to one of the anchors, at the current time; revocation is not checked here. */
    private static String chainProblem(X509Certificate signer, List<X509Certificate> certs,
            Collection<X509Certificate> anchors) {
        if (anchors.isEmpty()) return "no trust anchors are configured";
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            for (X509Certificate a : anchors) trust.add(new TrustAnchor(a, null));
            List<X509Certificate> path = new ArrayList<>();
            path.add(signer);
            X509Certificate current = signer;
            // walk up by issuer name through the certificates the signature carries (anchors excluded)
            for (int i = 0; i < 8; i++) {
                X509Certificate next = null;
                for (X509Certificate c : certs) {
                    if (!c.equals(current) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                            && !anchors.contains(c)) {
                        next = c;
                    }
                }
                if (next == null) break;
                path.add(next);
                current = next;
            }
            PKIXParameters params = new PKIXParameters(trust);
            params.setRevocationEnabled(false);
            params.setDate(new Date());
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return "";
        } catch (GeneralSecurityException e) {
            return "the seal's certificate does not chain to a trusted anchor: " + e.getMessage();
        }
    }

    static List<X509Certificate> certificates(List<byte[]> der) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (byte[] d : der) out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(d)));
        if (out.isEmpty()) throw new GeneralSecurityException("the seal has no certificate");
        return out;
    }

    /** A BC content signer whose value comes from the seal's provider: it digests what BC writes and asks for it. */
    private static final class ProviderSigner implements ContentSigner {
        private final SealKey key;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        ProviderSigner(SealKey key) {
            this.key = key;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            SignatureAlgorithm a = key.algorithm();
            AlgorithmIdentifier id = new DefaultSignatureAlgorithmIdentifierFinder().find(a.jcaName());
            return a.keyAlgorithm() == vn.hocba.signing.spi.KeyAlgorithm.RSA
                    ? new AlgorithmIdentifier(id.getAlgorithm(), DERNull.INSTANCE) : id;
        }

        @Override
        public OutputStream getOutputStream() {
            return data;
        }

        @Override
        public byte[] getSignature() {
            try {
                byte[] digest = MessageDigest.getInstance(key.algorithm().digestAlgorithm().jcaName())
                        .digest(data.toByteArray());
                return key.sign(digest);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
