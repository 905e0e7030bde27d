package vn.hocba.workflow.internal.fakes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import vn.hocba.model.YearRecord;
import vn.hocba.render.EmbeddedData;
import vn.hocba.render.RecordRenderer;
import vn.hocba.render.RenderOptions;
import vn.hocba.render.RenderedRecord;
import vn.hocba.render.SignatureBox;
import vn.hocba.render.SignatureRole;

/** Renders a record as a line of text with the three signature boxes where the form would put them. */
public final class FakeRenderer implements RecordRenderer {
    public final AtomicInteger renders = new AtomicInteger();

    @Override
    public RenderedRecord render(YearRecord record, RenderOptions options) {
        renders.incrementAndGet();
        String text = "%PDF-fake " + record.recordId() + " v" + record.version() + " " + record.pupil().fullName();
        byte[] xml = ("<record id=\"" + record.recordId() + "\" version=\"" + record.version() + "\"/>")
                .getBytes(StandardCharsets.UTF_8);
        return new RenderedRecord(text.getBytes(StandardCharsets.UTF_8), "fake", 2,
                new EmbeddedData("hocba-record.xml", "application/xml", "", xml), "0".repeat(64), "https://x",
                List.of(new SignatureBox(SignatureRole.HOMEROOM_TEACHER, 2, 40, 80, 150, 60),
                        new SignatureBox(SignatureRole.PRINCIPAL, 2, 300, 80, 150, 60),
                        new SignatureBox(SignatureRole.SCHOOL_SEAL, 2, 300, 20, 150, 50)));
    }

    @Override
    public String templateIdFor(String schoolCode) {
        return "fake";
    }

    @Override
    public Set<String> templateIds() {
        return Set.of("fake");
    }
}
