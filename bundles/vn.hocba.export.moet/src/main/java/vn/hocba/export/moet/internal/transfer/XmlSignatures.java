package vn.hocba.export.moet.internal.transfer;

import java.io.ByteArrayInputStream;
import java.security.Key;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Independent check of the XML signatures of a record file with the JDK's XML Signature implementation: every
 * {@code ds:Signature} must validate (signature value and every reference), one of its references must cover the
 * whole document ({@code URI=""}), and its certificate must chain (PKIX, at the current time) to a trust anchor.
 * Revocation is left to the signing engine's verifier.
 */
public final class XmlSignatures {

    public static final String DSIG = XMLSignature.XMLNS;

    /** One signature's outcome, in document order. */
    public record Result(X509Certificate signer, boolean valid, String problem) {
    }

    private XmlSignatures() {}

    public static List<Result> verify(byte[] xml, Collection<X509Certificate> anchors) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return List.of(new Result(null, false, "not well-formed XML: " + e.getMessage()));
        }
        NodeList signatures = doc.getElementsByTagNameNS(DSIG, "Signature");
        List<Result> results = new ArrayList<>();
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        for (int i = 0; i < signatures.getLength(); i++) {
            CertificateSelector selector = new CertificateSelector();
            try {
                DOMValidateContext context = new DOMValidateContext(selector, signatures.item(i));
                context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
                registerIds((org.w3c.dom.Element) signatures.item(i), context);
                XMLSignature signature = factory.unmarshalXMLSignature(context);
                boolean valid = signature.validate(context);
                X509Certificate cert = selector.certificate;
                if (!valid) {
                    results.add(new Result(cert, false, "the signature does not match the signed data"));
                    continue;
                }
                boolean wholeDocument = false;
                for (Object o : signature.getSignedInfo().getReferences()) {
                    if ("".equals(((Reference) o).getURI())) wholeDocument = true;
                }
                if (!wholeDocument) {
                    results.add(new Result(cert, false, "the signature does not cover the whole record"));
                    continue;
                }
                String chain = chainProblem(cert, selector.chain, anchors);
                results.add(new Result(cert, chain.isEmpty(), chain));
            } catch (Exception e) {
                results.add(new Result(selector.certificate, false, "the signature cannot be checked: " + e.getMessage()));
            }
        }
        return results;
    }

    /** XAdES signs its SignedProperties by {@code URI="#id"}: the DOM must know which attributes are ids. */
    private static void registerIds(org.w3c.dom.Element signature, DOMValidateContext context) {
        NodeList all = signature.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
            if (e.hasAttributeNS(null, "Id")) context.setIdAttributeNS(e, null, "Id");
        }
    }

    static String chainProblem(X509Certificate signer, List<X509Certificate> carried,
            Collection<X509Certificate> anchors) {
        if (signer == null) return "no signer certificate in the signature";
        if (anchors.isEmpty()) return "no trust anchors are configured";
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            for (X509Certificate a : anchors) trust.add(new TrustAnchor(a, null));
            List<X509Certificate> path = new ArrayList<>();
            path.add(signer);
            X509Certificate current = signer;
            for (int i = 0; i < 8; i++) {
                X509Certificate next = null;
                for (X509Certificate c : carried) {
                    if (!c.equals(current) && !anchors.contains(c)
                            && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                        next = c;
                    }
                }
                if (next == null) break;
                path.add(next);
                current = next;
            }
            PKIXParameters params = new PKIXParameters(trust);
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return "";
        } catch (Exception e) {
            return "the signer's certificate does not chain to a trusted anchor: " + e.getMessage();
        }
    }

    /** Takes the key from the signature's own X509Data (first certificate), remembering the chain it carries. */
    private static final class CertificateSelector extends KeySelector {
        X509Certificate certificate;
        final List<X509Certificate> chain = new ArrayList<>();

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo == null) throw new KeySelectorException("no KeyInfo");
            for (Object info : keyInfo.getContent()) {
                if (info instanceof X509Data data) {
                    for (Object o : data.getContent()) {
                        if (o instanceof X509Certificate c) chain.add(c);
                    }
                }
            }
            if (chain.isEmpty()) throw new KeySelectorException("no certificate in KeyInfo");
            certificate = chain.get(0);
            Key key = certificate.getPublicKey();
            return () -> key;
        }
    }
}
