package vn.hocba.export.moet.internal.transfer;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import vn.hocba.export.ExportException;
import vn.hocba.export.ManifestEntry;
import vn.hocba.export.ManifestRecord;
import vn.hocba.export.PackageManifest;
import vn.hocba.export.RecordCheck;
import vn.hocba.export.Signatory;
import vn.hocba.export.SignatureCheck;
import vn.hocba.export.TransferProblem;
import vn.hocba.export.TransferReport;
import vn.hocba.export.moet.internal.outbox.XmlNamespace;
import vn.hocba.export.moet.internal.pkg.CmsSeal;
import vn.hocba.export.moet.internal.pkg.Hashes;
import vn.hocba.export.moet.internal.pkg.ManifestXml;
import vn.hocba.export.moet.internal.pkg.PackageReader;
import vn.hocba.export.spi.Exporter;
import vn.hocba.export.spi.ParsedRecord;
import vn.hocba.model.YearRecord;
import vn.hocba.signing.SignatureVerifier;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.VerificationReport;

/**
 * Checks a transfer package, a record's XML or a record's PDF and says everything that is wrong with it: the seal's
 * signature of the manifest, every entry's SHA-256, every XML against the schema of its version, every XML signature
 * (here, with the JDK) and every PDF signature (through the signing engine's verifier). Reads, never writes.
 */
public final class TransferVerifier {

    /** The verification, with what an import needs of each record. */
    public record Verified(TransferReport report, List<Item> items) {
    }

    /** One verified record version with its files as received. */
    public record Item(ParsedRecord parsed, byte[] xml, byte[] pdf) {
        public String key() {
            return parsed.record().recordId() + "/v" + parsed.record().version();
        }
    }

    private final Function<String, Optional<Exporter>> exporterByNamespace;
    private final Supplier<Optional<SignatureVerifier>> verifier;
    private final Supplier<Collection<X509Certificate>> anchors;

    public TransferVerifier(Function<String, Optional<Exporter>> exporterByNamespace,
            Supplier<Optional<SignatureVerifier>> verifier, Supplier<Collection<X509Certificate>> anchors) {
        this.exporterByNamespace = exporterByNamespace;
        this.verifier = verifier;
        this.anchors = anchors;
    }

    public Verified verify(byte[] content) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return verifyPackage(content);
        }
        if (content.length >= 5 && new String(content, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)
                .equals("%PDF-")) {
            return verifyPdf(content);
        }
        if (!XmlNamespace.of(content).isEmpty()) {
            return verifyXml(content);
        }
        Problems p = new Problems();
        p.add("UNKNOWN_FORMAT", "file", "Tệp không phải gói học bạ (ZIP), tệp XML hay PDF học bạ",
                "The file is not a record package (ZIP), a record XML or a record PDF");
        return new Verified(report("", "", "", null, List.of(), p), List.of());
    }

    private Verified verifyPackage(byte[] zip) {
        Problems p = new Problems();
        Map<String, byte[]> entries;
        try {
            entries = PackageReader.entries(zip);
        } catch (IllegalArgumentException e) {
            p.add("PACKAGE_UNREADABLE", "package", "Không đọc được gói: " + e.getMessage(),
                    "The package cannot be read: " + e.getMessage());
            return new Verified(report("", "", "", null, List.of(), p), List.of());
        }
        byte[] manifestBytes = entries.get(PackageManifest.MANIFEST_PATH);
        byte[] signature = entries.get(PackageManifest.SIGNATURE_PATH);
        if (manifestBytes == null) {
            p.add("MANIFEST_MISSING", PackageManifest.MANIFEST_PATH, "Gói không có bảng kê manifest.xml",
                    "The package has no manifest.xml");
            return new Verified(report("", "", "", null, List.of(), p), List.of());
        }
        PackageManifest manifest;
        try {
            manifest = ManifestXml.read(manifestBytes);
        } catch (IllegalArgumentException e) {
            p.add("MANIFEST_INVALID", PackageManifest.MANIFEST_PATH, "Bảng kê không hợp lệ: " + e.getMessage(),
                    "The manifest is not valid: " + e.getMessage());
            return new Verified(report("", "", "", null, List.of(), p), List.of());
        }
        SignatureCheck seal = null;
        if (signature == null) {
            p.add("UNSIGNED", PackageManifest.SIGNATURE_PATH, "Bảng kê của gói không có chữ ký số của nhà trường",
                    "The package manifest is not signed by the school");
        } else {
            CmsSeal.Verification v = CmsSeal.verify(manifestBytes, signature, anchors.get());
            seal = new SignatureCheck("manifest", "SCHOOL_SEAL", v.signer() == null ? "" : commonName(v.signer()),
                    v.signer() == null ? "" : v.signer().getSubjectX500Principal().getName(),
                    v.valid() ? "TOTAL_PASSED" : "TOTAL_FAILED", v.valid() ? "CMS detached" : v.problem());
            if (!v.valid()) {
                p.add("SEAL_SIGNATURE_INVALID", PackageManifest.SIGNATURE_PATH,
                        "Chữ ký số của nhà trường trên bảng kê không hợp lệ: " + v.problem(),
                        "The school's signature of the manifest is not valid: " + v.problem());
            }
        }
        Set<String> listed = new HashSet<>(List.of(PackageManifest.MANIFEST_PATH, PackageManifest.SIGNATURE_PATH));
        for (ManifestEntry e : manifest.entries()) {
            listed.add(e.path());
            byte[] bytes = entries.get(e.path());
            if (bytes == null) {
                p.add("ENTRY_MISSING", e.path(), "Thiếu tệp " + e.path() + " có trong bảng kê",
                        "The entry " + e.path() + " listed in the manifest is missing");
            } else if (bytes.length != e.size() || !Hashes.sha256(bytes).equals(e.sha256())) {
                p.add("HASH_MISMATCH", e.path(), "Tệp " + e.path() + " đã bị thay đổi (mã băm SHA-256 không khớp)",
                        "The entry " + e.path() + " was changed (SHA-256 does not match the manifest)");
            }
        }
        for (String name : entries.keySet()) {
            if (!listed.contains(name)) {
                p.add("UNLISTED_ENTRY", name, "Tệp " + name + " không có trong bảng kê",
                        "The entry " + name + " is not listed in the manifest");
            }
        }
        if (manifest.records().isEmpty()) {
            p.add("EMPTY", "package", "Gói không có học bạ nào", "The package holds no record");
        }
        List<RecordCheck> checks = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (ManifestRecord r : manifest.records()) {
            byte[] xml = entries.get(r.xmlPath());
            byte[] pdf = r.pdfPath().isEmpty() ? null : entries.get(r.pdfPath());
            if (xml == null) continue; // reported as ENTRY_MISSING (or not listed) above
            Optional<Item> item = checkRecord(r.key(), xml, pdf, manifest.schoolCode(), p, checks);
            item.ifPresent(i -> {
                YearRecord y = i.parsed().record();
                if (!y.recordId().equals(r.recordId()) || y.version() != r.version()
                        || !y.school().code().equals(manifest.schoolCode())
                        || !y.pupil().personalId().equals(r.personalId())) {
                    p.add("MANIFEST_MISMATCH", r.key(), "Nội dung học bạ " + r.key() + " không khớp với bảng kê",
                            "The record " + r.key() + " does not match its manifest line");
                }
                items.add(i);
            });
        }
        return new Verified(report(manifest.packageId(), manifest.schoolCode(), manifest.schoolName(), seal, checks,
                p), items);
    }

    private Verified verifyXml(byte[] xml) {
        Problems p = new Problems();
        List<RecordCheck> checks = new ArrayList<>();
        Optional<Item> item = checkRecord("xml", xml, null, null, p, checks);
        String school = item.map(i -> i.parsed().record().school().code()).orElse("");
        String name = item.map(i -> i.parsed().record().school().name()).orElse("");
        return new Verified(report("", school, name, null, checks, p), item.stream().toList());
    }

    private Verified verifyPdf(byte[] pdf) {
        Problems p = new Problems();
        List<RecordCheck> checks = new ArrayList<>();
        byte[] xml = PdfAttachments.embeddedFiles(pdf).stream()
                .filter(f -> exporterByNamespace.apply(XmlNamespace.of(f)).isPresent()).findFirst().orElse(null);
        if (xml == null) {
            p.add("XML_MISSING", "pdf", "Tệp PDF không chứa dữ liệu XML học bạ theo lược đồ đã biết",
                    "The PDF carries no record XML of a known schema");
            List<SignatureCheck> sigs = pdfSignatures("pdf", pdf, p);
            checks.add(new RecordCheck("pdf", "", "", "", "", 0, sigs));
            return new Verified(report("", "", "", null, checks, p), List.of());
        }
        Optional<Item> item = checkRecord("pdf", xml, pdf, null, p, checks);
        String school = item.map(i -> i.parsed().record().school().code()).orElse("");
        String name = item.map(i -> i.parsed().record().school().name()).orElse("");
        return new Verified(report("", school, name, null, checks, p), item.stream().toList());
    }

    /**
     * Schema, XML signatures and PDF signatures of one record. An XML taken from inside a PDF is covered by the PDF's
     * signatures and carries none of its own.
     */
    private Optional<Item> checkRecord(String key, byte[] xml, byte[] pdf, String expectedSchool, Problems p,
            List<RecordCheck> checks) {
        String ns = XmlNamespace.of(xml);
        Optional<Exporter> exporter = exporterByNamespace.apply(ns);
        if (exporter.isEmpty()) {
            p.add("SCHEMA_UNKNOWN", key, "Lược đồ \"" + ns + "\" của học bạ không được hỗ trợ",
                    "The record's schema \"" + ns + "\" is not supported");
            return Optional.empty();
        }
        List<String> schemaProblems = exporter.get().validate(xml);
        if (!schemaProblems.isEmpty()) {
            p.add("SCHEMA_INVALID", key, "Tệp XML không đúng lược đồ " + ns + ": " + schemaProblems.get(0),
                    "The XML does not match schema " + ns + ": " + schemaProblems.get(0));
            return Optional.empty();
        }
        ParsedRecord parsed;
        try {
            parsed = exporter.get().fromXml(xml);
        } catch (ExportException e) {
            p.add("SCHEMA_INVALID", key, e.messageVi(), e.getMessage());
            return Optional.empty();
        }
        YearRecord r = parsed.record();
        String recordKey = r.recordId() + "/v" + r.version();
        if (expectedSchool != null && !r.school().code().equals(expectedSchool)) {
            p.add("MANIFEST_MISMATCH", recordKey, "Học bạ " + recordKey + " thuộc trường khác với trường gửi gói",
                    "The record " + recordKey + " belongs to another school than the package's");
        }
        List<SignatureCheck> sigs = new ArrayList<>();
        boolean embedded = pdf != null && "pdf".equals(key);
        if (!embedded) sigs.addAll(xmlSignatures(recordKey, xml, parsed.signatories(), p));
        if (pdf != null) sigs.addAll(pdfSignatures(recordKey, pdf, p));
        checks.add(new RecordCheck(recordKey, r.pupil().pupilCode(), r.pupil().personalId(), r.pupil().fullName(),
                r.year().toString(), r.schoolClass().grade(), sigs));
        return Optional.of(new Item(parsed, xml, pdf));
    }

    private List<SignatureCheck> xmlSignatures(String key, byte[] xml, List<Signatory> signatories, Problems p) {
        List<XmlSignatures.Result> results = XmlSignatures.verify(xml, anchors.get());
        List<SignatureCheck> checks = new ArrayList<>();
        if (results.isEmpty()) {
            p.add("UNSIGNED", key, "Tệp XML của học bạ " + key + " chưa được ký số",
                    "The XML of record " + key + " is not signed");
            return checks;
        }
        String engine = "";
        Optional<SignatureVerifier> v = verifier.get();
        if (v.isPresent()) {
            try {
                VerificationReport report = v.get().verify(xml);
                if (report.indication() == VerificationReport.Indication.TOTAL_FAILED) {
                    p.add("SIGNATURE_INVALID", key, "Chữ ký số trên tệp XML của học bạ " + key + " không hợp lệ: "
                            + String.join("; ", report.messages()), "A signature of the XML of record " + key
                            + " is not valid: " + String.join("; ", report.messages()));
                }
                engine = "; signing engine: " + report.indication();
            } catch (SigningException e) {
                engine = "; signing engine: " + e.getMessage();
            }
        }
        for (int i = 0; i < results.size(); i++) {
            XmlSignatures.Result r = results.get(i);
            String role = results.size() == signatories.size() ? signatories.get(i).role().name() : "";
            checks.add(new SignatureCheck(key + ".xml", role, r.signer() == null ? "" : commonName(r.signer()),
                    r.signer() == null ? "" : r.signer().getSubjectX500Principal().getName(),
                    r.valid() ? "TOTAL_PASSED" : "TOTAL_FAILED", (r.valid() ? "XMLDSig" : r.problem()) + engine));
            if (!r.valid()) {
                p.add("SIGNATURE_INVALID", key, "Chữ ký số thứ " + (i + 1) + " trên tệp XML của học bạ " + key
                        + " không hợp lệ: " + r.problem(), "XML signature " + (i + 1) + " of record " + key
                        + " is not valid: " + r.problem());
            }
        }
        return checks;
    }

    private List<SignatureCheck> pdfSignatures(String key, byte[] pdf, Problems p) {
        Optional<SignatureVerifier> v = verifier.get();
        if (v.isEmpty()) {
            p.add("VERIFIER_UNAVAILABLE", key, "Chưa có dịch vụ kiểm tra chữ ký số PDF: không nhận học bạ " + key,
                    "No PDF signature verifier is running: record " + key + " cannot be checked");
            return List.of();
        }
        try {
            VerificationReport report = v.get().verify(pdf);
            List<SignatureCheck> checks = new ArrayList<>();
            for (VerificationReport.SignatureReport s : report.signatures()) {
                checks.add(new SignatureCheck(key + ".pdf", s.role() == null ? "" : s.role().name(), s.signerName(),
                        s.signerSubject(), s.indication().name(), s.level() == null ? String.join("; ", s.messages())
                                : s.level().etsiName(vn.hocba.signing.DocumentFormat.PDF)));
            }
            if (report.signatures().isEmpty()) {
                p.add("UNSIGNED", key, "Tệp PDF của học bạ " + key + " chưa được ký số",
                        "The PDF of record " + key + " is not signed");
            } else if (report.indication() != VerificationReport.Indication.TOTAL_PASSED) {
                p.add("SIGNATURE_INVALID", key, "Chữ ký số trên tệp PDF của học bạ " + key + " không hợp lệ ("
                        + report.indication() + "): " + String.join("; ", report.messages()),
                        "A signature of the PDF of record " + key + " is not valid (" + report.indication() + "): "
                                + String.join("; ", report.messages()));
            }
            return checks;
        } catch (SigningException e) {
            p.add("SIGNATURE_INVALID", key, "Không kiểm tra được chữ ký PDF: " + e.messageVi(),
                    "The PDF signatures cannot be checked: " + e.getMessage());
            return List.of();
        }
    }

    private static TransferReport report(String packageId, String school, String schoolName, SignatureCheck seal,
            List<RecordCheck> records, Problems p) {
        return new TransferReport(p.list.isEmpty(), packageId, school, schoolName, seal, records, p.list);
    }

    static String commonName(X509Certificate c) {
        String dn = c.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253);
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return java.text.Normalizer.normalize(String.valueOf(rdn.getValue()), java.text.Normalizer.Form.NFC);
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            // fall through to the whole name
        }
        return dn;
    }

    private static final class Problems {
        final List<TransferProblem> list = new ArrayList<>();

        void add(String code, String subject, String vi, String en) {
            list.add(new TransferProblem(code, subject, vi, en));
        }
    }
}
