package vn.hocba.render;

import java.util.Objects;

/**
 * What a render needs beyond the record itself.
 *
 * @param templateId     a template to use instead of the school's configured one; empty for the configured one
 * @param principalName  the name printed under the principal's signature; empty leaves the line blank to be
 *                       written by hand (the model does not know the principal)
 * @param principalTitle the title over the principal's signature, e.g. {@code Hiệu trưởng} or
 *                       {@code KT. Hiệu trưởng / Phó hiệu trưởng}; empty for {@code Hiệu trưởng}
 * @param data           the structured data to attach, e.g. the national export's XML of this record; {@code null}
 *                       attaches the renderer's documented record XML
 */
public record RenderOptions(String templateId, String principalName, String principalTitle, EmbeddedData data) {

    public RenderOptions {
        templateId = templateId == null ? "" : templateId.strip();
        principalName = principalName == null ? "" : principalName.strip();
        principalTitle = principalTitle == null ? "" : principalTitle.strip();
    }

    /** The configured template, no principal name, the record XML attached. */
    public static RenderOptions defaults() {
        return new RenderOptions("", "", "", null);
    }

    public RenderOptions withTemplate(String id) {
        return new RenderOptions(Objects.requireNonNull(id, "id"), principalName, principalTitle, data);
    }

    public RenderOptions withPrincipal(String name, String title) {
        return new RenderOptions(templateId, name, title, data);
    }

    public RenderOptions withData(EmbeddedData attached) {
        return new RenderOptions(templateId, principalName, principalTitle, attached);
    }
}
