package vn.hocba.export.moet.internal.transfer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hocba.export.ExportPackage;
import vn.hocba.export.RecordCheck;
import vn.hocba.export.SignatureCheck;
import vn.hocba.export.TransferRefusedException;
import vn.hocba.export.TransferReport;
import vn.hocba.export.TransferResult;
import vn.hocba.export.moet.MemoryStore;
import vn.hocba.export.moet.SampleRecords;
import vn.hocba.export.moet.SigningEngine;
import vn.hocba.export.moet.TestSeal;
import vn.hocba.export.moet.internal.MoetExporter;
import vn.hocba.export.moet.internal.pkg.PackageWriter;
import vn.hocba.export.spi.Exporter;
import vn.hocba.model.YearRecord;
import vn.hocba.signing.VerificationReport;
import vn.hocba.signing.testpki.TestPki;
import vn.hocba.store.SchoolScope;

/** Transfers of records signed by the real signing engine (XAdES and PAdES), checked by its real verifier too. */
class SigningEngineTransferTest {

    @TempDir
    static Path tmp;

    private static SigningEngine engine;
    private static final MoetExporter EXPORTER = new MoetExporter();
    private static byte[] xml;
    private static byte[] pdf;

    @BeforeAll
    static void signOneRecord() throws Exception {
        Files.createDirectories(tmp.resolve("anchors"));
        engine = new SigningEngine(tmp.resolve("anchors"));
        YearRecord r = SampleRecords.record(12);
        byte[] unsigned = EXPORTER.toXml(r, SampleRecords.signatories(r.school()));
        xml = engine.signXml(unsigned);
        pdf = engine.signPdf(SigningEngine.pdfWith(unsigned));
    }

    private Transfers transfers(MemoryStore store, Path archive) {
        TransferVerifier v = new TransferVerifier(this::byNamespace, () -> Optional.of(engine.verifier()),
                () -> List.of(TestPki.shared().root().certificate()));
        return new Transfers(v, new TransferArchive(archive, this::byNamespace), store);
    }

    private Optional<Exporter> byNamespace(String ns) {
        return ns.equals(EXPORTER.schemaNamespace()) ? Optional.of(EXPORTER) : Optional.empty();
    }

    @Test
    void theEnginesXadesIsValidForBothVerifiersAndTheSchema() throws Exception {
        assertEquals(List.of(), EXPORTER.validate(xml));
        List<XmlSignatures.Result> ours = XmlSignatures.verify(xml, List.of(TestPki.shared().root().certificate()));
        assertEquals(3, ours.size());
        assertTrue(ours.stream().allMatch(XmlSignatures.Result::valid), ours.toString());
        VerificationReport report = engine.verifier().verify(xml);
        assertEquals(VerificationReport.Indication.TOTAL_PASSED, report.indication(), report::toString);
    }

    @Test
    void aPackageOfEngineSignedXmlAndPdfIsAcceptedShowingTheSigners() throws Exception {
        YearRecord r = SampleRecords.record(12);
        ExportPackage p = PackageWriter.write("E-1", r.school().code(), r.school().name(),
                new PackageWriter.SchemaInfo(EXPORTER.id(), EXPORTER.schemaNamespace(), EXPORTER.schemaVersion()),
                List.of(PackageWriter.Item.of(r, xml, pdf)), TestSeal.shared(), tmp.resolve("out"));
        MemoryStore b = new MemoryStore();
        TransferResult result = transfers(b, tmp.resolve("archive-1")).importTransfer(
                SchoolScope.of(SampleRecords.SCHOOL_B.code()), Files.readAllBytes(p.file()), null, "admin-b");
        TransferReport report = result.report();
        assertTrue(report.accepted(), () -> report.problems().toString());
        RecordCheck check = report.records().get(0);
        List<String> signers = check.signatures().stream().map(s -> s.document().substring(s.document().length() - 3)
                + " " + s.role() + " " + s.signerName()).toList();
        assertEquals(List.of("xml HOMEROOM_TEACHER Nguyễn Thị Hoa", "xml DEPUTY_PRINCIPAL Lê Thị Thu Hà",
                "xml SCHOOL_SEAL Trường Tiểu học An Lão", "pdf HOMEROOM_TEACHER Nguyễn Thị Hoa",
                "pdf DEPUTY_PRINCIPAL Lê Thị Thu Hà", "pdf SCHOOL_SEAL Trường Tiểu học An Lão"), signers);
        assertTrue(check.signatures().stream().allMatch(SignatureCheck::passed));
    }

    @Test
    void aSinglePdfIsImportedFromItsAttachmentAndATamperedOneIsRefused() throws Exception {
        MemoryStore b = new MemoryStore();
        Transfers t = transfers(b, tmp.resolve("archive-2"));
        SchoolScope scope = SchoolScope.of(SampleRecords.SCHOOL_B.code());
        TransferResult result = t.importTransfer(scope, pdf, null, "admin-b");
        assertEquals(SampleRecords.pupilCode(12), result.pupilCode());
        assertEquals(1, t.records(scope, result.pupilCode()).size());

        byte[] tampered = pdf.clone();
        String text = new String(tampered, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/MediaBox");
        tampered[at + 1] = 'm';
        MemoryStore c = new MemoryStore();
        TransferRefusedException e = assertThrows(TransferRefusedException.class,
                () -> transfers(c, tmp.resolve("archive-3")).importTransfer(scope, tampered, null, "admin-b"));
        assertTrue(e.report().problems().stream().anyMatch(p -> p.code().equals("SIGNATURE_INVALID")),
                e.report().problems().toString());
        assertEquals(List.of(), c.pupils(scope));
    }
}
