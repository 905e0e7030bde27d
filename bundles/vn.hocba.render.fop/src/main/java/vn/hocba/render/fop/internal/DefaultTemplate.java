package vn.hocba.render.fop.internal;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.service.component.annotations.Component;

import vn.hocba.render.spi.RenderTemplate;

/** The layout shipped with the renderer: the TT27 form, an identity page then the year page. */
@Component(service = RenderTemplate.class, property = RenderTemplate.ID_PROPERTY + "=" + DefaultTemplate.ID)
public final class DefaultTemplate implements RenderTemplate {

    public static final String ID = "tt27-default";
    private static final String FOLDER = "/templates/" + ID + "/";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Mẫu học bạ tiểu học theo Thông tư 27/2020 (mặc định) / TT27 primary record (default)";
    }

    @Override
    public InputStream openStylesheet() throws IOException {
        return DefaultTemplate.class.getResourceAsStream(FOLDER + "record.xsl");
    }

    @Override
    public InputStream openResource(String path) throws IOException {
        if (path.contains("..")) return null;
        return DefaultTemplate.class.getResourceAsStream(FOLDER + path);
    }
}
