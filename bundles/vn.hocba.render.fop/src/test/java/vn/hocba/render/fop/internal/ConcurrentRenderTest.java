package vn.hocba.render.fop.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import vn.hocba.model.YearRecord;
import vn.hocba.render.EmbeddedData;
import vn.hocba.render.RenderOptions;
import vn.hocba.render.RenderedRecord;

/** One renderer, many threads: every PDF carries its own record's data, text and boxes. */
class ConcurrentRenderTest {

    @Test
    void parallelRendersDoNotMixRecords() throws Exception {
        FopRecordRenderer renderer = new FopRecordRenderer(DefaultTemplate.ID, "https://hocba.example/verify");
        renderer.addTemplate(new DefaultTemplate());
        List<YearRecord> records = new ArrayList<>();
        for (int i = 0; i < 2; i++) records.addAll(SampleRecords.all());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RenderedRecord>> futures = new ArrayList<>();
            for (YearRecord r : records) futures.add(pool.submit(() -> renderer.render(r, RenderOptions.defaults())));
            for (int i = 0; i < records.size(); i++) {
                YearRecord r = records.get(i);
                RenderedRecord out = futures.get(i).get();
                assertEquals(3, out.signatureBoxes().size());
                try (PDDocument doc = PdfChecks.load(out.pdf())) {
                    assertArrayEquals(RecordXml.write(r), PdfChecks.attachments(doc).get(0).bytes());
                    String text = PdfChecks.text(doc);
                    assertEquals(true, text.contains(r.pupil().fullName()), r.recordId());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallerSuppliedDataFileIsAttachedAndHashedInsteadOfTheRecordXml() throws Exception {
        FopRecordRenderer renderer = new FopRecordRenderer(DefaultTemplate.ID, "https://kho.example/hocba/xac-thuc");
        renderer.addTemplate(new DefaultTemplate());
        byte[] national = "<thongtinsohocbasotieuhoc><hovaten>Lê Hoàng Phúc</hovaten></thongtinsohocbasotieuhoc>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        EmbeddedData data = new EmbeddedData("hocba-moet.xml", "application/xml", "Dữ liệu xuất", national);
        RenderedRecord out = renderer.render(SampleRecords.grade3(), RenderOptions.defaults().withData(data));
        assertEquals(FopEngine.sha256Hex(national), out.dataSha256());
        assertEquals("https://kho.example/hocba/xac-thuc?id=HB-2024-000302&v=1&h=" + out.dataSha256(),
                out.verificationUrl());
        try (PDDocument doc = PdfChecks.load(out.pdf())) {
            PdfChecks.Attachment file = PdfChecks.attachments(doc).get(0);
            assertEquals("hocba-moet.xml", file.name());
            assertArrayEquals(national, file.bytes());
            assertEquals(out.verificationUrl(), PdfChecks.qrText(doc, 2));
        }
    }
}
