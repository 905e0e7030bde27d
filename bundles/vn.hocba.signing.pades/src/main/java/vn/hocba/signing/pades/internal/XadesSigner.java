package vn.hocba.signing.pades.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilterParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.spi.DigestAlgorithm;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.SignatureAlgorithm;

/**
 * XAdES baseline (B-B, B-T) enveloped signatures of the record's XML, in the PDF's order, with the JDK's XML
 * signature API. Each signature is a child of the root, Id {@code hocba-<ROLE>}; its document reference
 * leaves out (XPath filter) itself and the signatures of the roles after it, so every later signature
 * covers the earlier ones, as in the PDF.
 */
public final class XadesSigner {

    static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    static final String DS = XMLSignature.XMLNS;
    static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";
    static final String ID_PREFIX = "hocba-";

    private final TimestampClient tsa;

    public XadesSigner(PadesSettings settings) {
        this.tsa = new TimestampClient(settings.tsaUrl(), settings.timeoutMillis());
    }

    public PreparedSignature prepare(byte[] xml, SignatureParameters p) throws SigningException {
        SignerRole role = p.signer().role();
        try {
            Document doc = parse(xml);
            List<Element> existing = signatures(doc);
            SignatureOrder.check(roles(existing), false, role);
            String id = ID_PREFIX + role.name();
            List<X509Certificate> chain = Certificates.parseAll(p.certificateChain());
            SignatureAlgorithm algorithm = p.signatureAlgorithm();
            XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
            DigestMethod digest = fac.newDigestMethod(digestUri(algorithm.digestAlgorithm()), null);

            Reference document = fac.newReference("", digest, List.of(
                    fac.newTransform(Transform.XPATH, new XPathFilterParameterSpec(exclusion(role), Map.of("ds", DS))),
                    fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)), null, id + "-ref");
            Element qualifying = qualifyingProperties(doc, id, p, chain.get(0), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            Reference properties = fac.newReference("#" + id + "-signedprops", digest,
                    List.of(fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    SIGNED_PROPERTIES_TYPE, null);
            SignedInfo signedInfo = fac.newSignedInfo(
                    fac.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    fac.newSignatureMethod(signatureUri(algorithm), null), List.of(document, properties));
            KeyInfoFactory kif = fac.getKeyInfoFactory();
            KeyInfo keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(new ArrayList<Object>(chain))));
            XMLObject object = fac.newXMLObject(List.of(new DOMStructure(qualifying)), null, null, null);
            XMLSignature signature = fac.newXMLSignature(signedInfo, keyInfo, List.of(object), id, id + "-value");

            DigestCapture capture = new DigestCapture(algorithm);
            DOMSignContext context = new DOMSignContext(DigestCapture.placeholderKey(algorithm.keyAlgorithm()),
                    doc.getDocumentElement());
            context.setDefaultNamespacePrefix("ds");
            context.setProperty("org.jcp.xml.dsig.internal.dom.SignatureProvider", capture.provider());
            signature.sign(context);
            byte[] toSign = capture.captured();
            byte[] state = new PreparedState(serialize(doc), 0, 0, toSign, p.certificateChain(), p.level()).encode();
            return new PreparedSignature(DocumentFormat.XML, role, CadesDetached.digest(algorithm.digestAlgorithm(), toSign),
                    algorithm, state);
        } catch (SigningException e) {
            throw e;
        } catch (Exception e) {
            throw new SigningException("Không chuẩn bị được chữ ký XAdES cho tệp XML",
                    "Could not prepare the XAdES signature: " + e.getMessage(), e);
        }
    }

    public byte[] embed(PreparedSignature prepared, byte[] value) throws SigningException {
        try {
            PreparedState state = PreparedState.decode(prepared.state());
            Document doc = parse(state.pdf());
            Element signature = byId(signatures(doc), ID_PREFIX + prepared.role().name());
            X509Certificate signer = Certificates.parse(state.chain().get(0));
            java.security.Signature check = java.security.Signature.getInstance(prepared.signatureAlgorithm().jcaName());
            check.initVerify(signer.getPublicKey());
            check.update(state.signedAttributes());
            if (!check.verify(value)) {
                throw new SigningException("Giá trị chữ ký nhận từ dịch vụ ký số không khớp với chứng thư số",
                        "The signature value from the provider does not verify with the signer's certificate");
            }
            byte[] xmlValue = prepared.signatureAlgorithm().keyAlgorithm() == KeyAlgorithm.EC
                    ? derToRaw(value, fieldBytes(signer)) : value;
            Element signatureValue = child(signature, DS, "SignatureValue");
            signatureValue.setTextContent(Base64.getEncoder().encodeToString(xmlValue));
            if (state.level() == BaselineLevel.B_T) {
                DigestAlgorithm d = prepared.signatureAlgorithm().digestAlgorithm();
                byte[] token = tsa.stamp(CadesDetached.digest(d, canonicalSignatureValue(signatureValue)), d);
                addSignatureTimestamp(doc, signature, token);
            }
            return serialize(doc);
        } catch (SigningException e) {
            throw e;
        } catch (Exception e) {
            throw new SigningException("Không nhúng được chữ ký XAdES", "Could not embed the XAdES signature: "
                    + e.getMessage(), e);
        }
    }

    public List<SignerRole> signedRoles(byte[] xml) throws SigningException {
        try {
            return roles(signatures(parse(xml)));
        } catch (Exception e) {
            throw new SigningException("Không đọc được tệp XML", "Could not read the XML: " + e.getMessage(), e);
        }
    }

    /** XPath 1.0 filter: keep every node except this role's signature and those of the roles after it. */
    static String exclusion(SignerRole role) {
        StringBuilder ids = new StringBuilder();
        for (SignerRole r : SignerRole.values()) {
            if (r == role || r.step() > role.step()) {
                if (ids.length() > 0) {
                    ids.append(" or ");
                }
                ids.append("@Id='").append(ID_PREFIX).append(r.name()).append('\'');
            }
        }
        return "not(ancestor-or-self::ds:Signature[" + ids + "])";
    }

    private static Element qualifyingProperties(Document doc, String id, SignatureParameters p, X509Certificate cert,
            Instant time) {
        Element qp = doc.createElementNS(XADES, "xades:QualifyingProperties");
        qp.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xades", XADES);
        qp.setAttribute("Target", "#" + id);
        Element sp = add(qp, XADES, "xades:SignedProperties");
        sp.setAttribute("Id", id + "-signedprops");
        sp.setIdAttribute("Id", true);
        Element ssp = add(sp, XADES, "xades:SignedSignatureProperties");
        add(ssp, XADES, "xades:SigningTime").setTextContent(time.toString());
        Element certDigest = add(add(add(ssp, XADES, "xades:SigningCertificateV2"), XADES, "xades:Cert"), XADES,
                "xades:CertDigest");
        add(certDigest, DS, "ds:DigestMethod").setAttribute("Algorithm", digestUri(DigestAlgorithm.SHA256));
        add(certDigest, DS, "ds:DigestValue").setTextContent(Base64.getEncoder().encodeToString(
                CadesDetached.digest(DigestAlgorithm.SHA256, Certificates.encoded(cert))));
        Element roles = add(add(ssp, XADES, "xades:SignerRoleV2"), XADES, "xades:ClaimedRoles");
        add(roles, XADES, "xades:ClaimedRole").setTextContent(p.signer().positionOrRole());
        Element format = add(add(sp, XADES, "xades:SignedDataObjectProperties"), XADES, "xades:DataObjectFormat");
        format.setAttribute("ObjectReference", "#" + id + "-ref");
        add(format, XADES, "xades:MimeType").setTextContent("text/xml");
        return qp;
    }

    private static void addSignatureTimestamp(Document doc, Element signature, byte[] token) {
        Element qp = (Element) signature.getElementsByTagNameNS(XADES, "QualifyingProperties").item(0);
        Element usp = add(add(qp, XADES, "xades:UnsignedProperties"), XADES, "xades:UnsignedSignatureProperties");
        Element ts = add(usp, XADES, "xades:SignatureTimeStamp");
        ts.setAttribute("Id", signature.getAttribute("Id") + "-ts");
        add(ts, DS, "ds:CanonicalizationMethod").setAttribute("Algorithm", CanonicalizationMethod.EXCLUSIVE);
        add(ts, XADES, "xades:EncapsulatedTimeStamp").setTextContent(Base64.getEncoder().encodeToString(token));
    }

    /**
     * Exclusive canonical form of {@code <ds:SignatureValue Id="…">base64</ds:SignatureValue>}, written out: the
     * element has one attribute, one visibly used prefix and base64 text, so its c14n is fixed.
     */
    static byte[] canonicalSignatureValue(Element signatureValue) {
        String id = signatureValue.getAttribute("Id");
        return ("<ds:SignatureValue xmlns:ds=\"" + DS + "\"" + (id.isEmpty() ? "" : " Id=\"" + id + "\"") + ">"
                + signatureValue.getTextContent() + "</ds:SignatureValue>").getBytes(StandardCharsets.UTF_8);
    }

    private static Element add(Element parent, String ns, String qname) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + local + " in " + parent.getLocalName());
    }

    /** The ds:Signature children of the root, in document order. */
    static List<Element> signatures(Document doc) {
        List<Element> out = new ArrayList<>();
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static List<SignerRole> roles(List<Element> signatures) {
        List<SignerRole> roles = new ArrayList<>();
        for (Element s : signatures) {
            roles.add(PdfSignatures.roleOf(s.getAttribute("Id"), null));
        }
        return roles;
    }

    private static Element byId(List<Element> signatures, String id) throws IOException {
        for (Element s : signatures) {
            if (id.equals(s.getAttribute("Id"))) {
                return s;
            }
        }
        throw new IOException("the prepared signature " + id + " is missing");
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        // the signed properties are referenced by Id
        var props = doc.getElementsByTagNameNS(XADES, "SignedProperties");
        for (int i = 0; i < props.getLength(); i++) {
            ((Element) props.item(i)).setIdAttribute("Id", true);
        }
        return doc;
    }

    static byte[] serialize(Document doc) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        var t = tf.newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.INDENT, "no");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    static String digestUri(DigestAlgorithm d) {
        return switch (d) {
            case SHA256 -> DigestMethod.SHA256;
            case SHA384 -> "http://www.w3.org/2001/04/xmldsig-more#sha384";
            case SHA512 -> DigestMethod.SHA512;
        };
    }

    static String signatureUri(SignatureAlgorithm a) {
        return switch (a) {
            case RSA_SHA256 -> SignatureMethod.RSA_SHA256;
            case RSA_SHA384 -> SignatureMethod.RSA_SHA384;
            case RSA_SHA512 -> SignatureMethod.RSA_SHA512;
            case ECDSA_SHA256 -> SignatureMethod.ECDSA_SHA256;
            case ECDSA_SHA384 -> SignatureMethod.ECDSA_SHA384;
            case ECDSA_SHA512 -> SignatureMethod.ECDSA_SHA512;
        };
    }

    private static int fieldBytes(X509Certificate cert) {
        return (((ECPublicKey) cert.getPublicKey()).getParams().getOrder().bitLength() + 7) / 8;
    }

    /** DER {@code SEQUENCE { r, s }} → XMLDSig's fixed-length {@code r || s}. */
    static byte[] derToRaw(byte[] der, int size) {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        byte[] out = new byte[2 * size];
        copy(ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(), out, 0, size);
        copy(ASN1Integer.getInstance(seq.getObjectAt(1)).getValue(), out, size, size);
        return out;
    }

    private static void copy(BigInteger v, byte[] out, int offset, int size) {
        byte[] b = v.toByteArray();
        int start = b.length > size ? b.length - size : 0;
        int len = b.length - start;
        System.arraycopy(b, start, out, offset + size - len, len);
    }
}
