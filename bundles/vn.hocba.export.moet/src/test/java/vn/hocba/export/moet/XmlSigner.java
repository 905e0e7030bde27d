package vn.hocba.export.moet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilterParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;

import vn.hocba.signing.testpki.TestPki;

/**
 * Enveloped XML signatures for the tests, with the JDK only (the signing engine's XAdES is not ready): each signer's
 * signature covers the whole record except the signatures (an XPath filter), so the signatures of the homeroom
 * teacher, the principal and the seal can follow one another, as the record's signers do.
 */
public final class XmlSigner {
    private XmlSigner() {}

    public static byte[] sign(byte[] xml, TestPki.Identity... signers) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
            for (TestPki.Identity signer : signers) {
                List<Transform> transforms = List.of(
                        fac.newTransform(Transform.XPATH, new XPathFilterParameterSpec(
                                "not(ancestor-or-self::ds:Signature)",
                                java.util.Map.of("ds", javax.xml.crypto.dsig.XMLSignature.XMLNS))),
                        fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
                Reference ref = fac.newReference("", fac.newDigestMethod(DigestMethod.SHA256, null), transforms, null,
                        null);
                SignedInfo si = fac.newSignedInfo(fac.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                        (C14NMethodParameterSpec) null), fac.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                        List.of(ref));
                KeyInfoFactory kif = fac.getKeyInfoFactory();
                List<Object> chain = new ArrayList<>(signer.chain());
                var ki = kif.newKeyInfo(List.of(kif.newX509Data(chain)));
                DOMSignContext ctx = new DOMSignContext(signer.keyPair().getPrivate(), doc.getDocumentElement());
                ctx.setDefaultNamespacePrefix("ds");
                fac.newXMLSignature(si, ki).sign(ctx);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by the test PKI's homeroom teacher, deputy principal and seal, in that order. */
    public static byte[] signAll(byte[] xml) {
        TestPki pki = TestPki.shared();
        return sign(xml, pki.teacher(), pki.deputy(), pki.seal());
    }
}
