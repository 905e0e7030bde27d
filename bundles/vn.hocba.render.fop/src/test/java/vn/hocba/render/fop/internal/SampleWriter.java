package vn.hocba.render.fop.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import vn.hocba.model.YearRecord;
import vn.hocba.render.RenderOptions;
import vn.hocba.render.RenderedRecord;

/** Writes the sample PDFs and their data to target/samples, to look at them (a tool, not a test). */
public final class SampleWriter {
    public static void main(String[] args) throws Exception {
        FopRecordRenderer renderer = new FopRecordRenderer("tt27-default", "https://hocba.example/verify");
        renderer.addTemplate(new DefaultTemplate());
        Path dir = Path.of("target/samples");
        Files.createDirectories(dir);
        for (YearRecord r : SampleRecords.all()) {
            RenderedRecord out = renderer.render(r, RenderOptions.defaults().withPrincipal("Nguyễn Văn Hùng", ""));
            Files.write(dir.resolve(r.recordId() + ".pdf"), out.pdf());
            Files.write(dir.resolve(r.recordId() + ".xml"), out.data().bytes());
            System.out.println(r.recordId() + " pages=" + out.pageCount() + " bytes=" + out.pdf().length + " boxes="
                    + out.signatureBoxes());
        }
    }
}
