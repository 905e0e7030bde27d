package vn.hocba.render.fop.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import vn.hocba.render.spi.RenderTemplate;

/** A template as another bundle would register it: files from its own class loader. */
final class TestTemplate implements RenderTemplate {

    private final String id;
    private final String stylesheet;
    final List<String> resourcesRead = new CopyOnWriteArrayList<>();

    TestTemplate(String id, String stylesheet) {
        this.id = id;
        this.stylesheet = stylesheet;
    }

    static TestTemplate province() {
        return new TestTemplate("province-test", "record.xsl");
    }

    @Override
    public String id() { return id; }

    @Override
    public String title() { return "Mẫu thử của tỉnh / a province's test template"; }

    @Override
    public InputStream openStylesheet() throws IOException {
        return TestTemplate.class.getResourceAsStream("/province-test/" + stylesheet);
    }

    @Override
    public InputStream openResource(String path) throws IOException {
        resourcesRead.add(path);
        return TestTemplate.class.getResourceAsStream("/province-test/" + path);
    }
}
