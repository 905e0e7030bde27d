package vn.hocba.export.moet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignatureVerifier;
import vn.hocba.signing.SignerInfo;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.XadesEngine;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.testpki.TestPki;

/**
 * The signing engine of bundle vn.hocba.signing.pades as its DS components would run (built here with their
 * configuration), so the tests sign and verify XML and PDF exactly as the workflow and the receiving school do.
 */
public final class SigningEngine {

    private final XadesEngine xades;
    private final PadesEngine pades;
    private final SignatureVerifier verifier;

    public SigningEngine(Path trustAnchors) throws Exception {
        TestPki.shared().writeRootPem(trustAnchors.resolve("root.pem"));
        Object config = config(Map.of("trustAnchorsDir", trustAnchors.toString()));
        Class<?> configType = Class.forName("vn.hocba.signing.pades.internal.PadesConfig");
        xades = (XadesEngine) Class.forName("vn.hocba.signing.pades.internal.XadesEngineComponent")
                .getConstructor(configType).newInstance(config);
        pades = (PadesEngine) Class.forName("vn.hocba.signing.pades.internal.PadesEngineComponent")
                .getConstructor(configType).newInstance(config);
        verifier = (SignatureVerifier) Class.forName("vn.hocba.signing.pades.internal.SignatureVerifierComponent")
                .getConstructor(configType).newInstance(config);
    }

    private static Object config(Map<String, Object> values) throws ClassNotFoundException {
        Class<?> type = Class.forName("vn.hocba.signing.pades.internal.PadesConfig");
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue());
    }

    public SignatureVerifier verifier() {
        return verifier;
    }

    /** The homeroom teacher, the deputy principal and the seal of the test PKI sign, in that order. */
    public byte[] signXml(byte[] xml) throws Exception {
        byte[] out = xml;
        for (var s : signers()) {
            PreparedSignature p = xades.prepare(out, parameters(s));
            out = xades.embed(p, s.identity().signDigest(p.digest(), p.signatureAlgorithm().digestAlgorithm().oid()));
        }
        return out;
    }

    public byte[] signPdf(byte[] pdf) throws Exception {
        byte[] out = pdf;
        for (var s : signers()) {
            PreparedSignature p = pades.prepare(out, parameters(s));
            out = pades.embed(p, s.identity().signDigest(p.digest(), p.signatureAlgorithm().digestAlgorithm().oid()));
        }
        return out;
    }

    /** A one-page PDF carrying the record's XML as an embedded file (as the renderer attaches it), compressed. */
    public static byte[] pdfWith(byte[] xml) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            PDEmbeddedFile ef = new PDEmbeddedFile(doc, new ByteArrayInputStream(xml), COSName.FLATE_DECODE);
            ef.setSubtype("application/xml");
            ef.setSize(xml.length);
            PDComplexFileSpecification fs = new PDComplexFileSpecification();
            fs.setFile("hocba-record.xml");
            fs.setEmbeddedFile(ef);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("hocba-record.xml", fs));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    private record Signer(TestPki.Identity identity, SignerRole role, String position) {
    }

    private static List<Signer> signers() {
        TestPki pki = TestPki.shared();
        return List.of(new Signer(pki.teacher(), SignerRole.HOMEROOM_TEACHER, null),
                new Signer(pki.deputy(), SignerRole.DEPUTY_PRINCIPAL, "Phó hiệu trưởng phụ trách chuyên môn"),
                new Signer(pki.seal(), SignerRole.SCHOOL_SEAL, null));
    }

    private static SignatureParameters parameters(Signer s) {
        return new SignatureParameters(new SignerInfo(s.identity().name(), s.role(), s.position(), "An Lão"), null,
                s.identity().chainDer(), SignatureAlgorithm.RSA_SHA256, BaselineLevel.B_B);
    }
}
