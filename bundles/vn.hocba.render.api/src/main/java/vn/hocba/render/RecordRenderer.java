package vn.hocba.render;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import vn.hocba.model.YearRecord;

/**
 * Renders year records as the official form. Implementations are thread-safe: many renders may run in parallel.
 * The template is the one configured for the record's school, unless {@link RenderOptions#templateId()} names one.
 */
@ProviderType
public interface RecordRenderer {

    /**
     * Renders one record version.
     *
     * @throws RenderException when the template is not available or the layout fails
     */
    RenderedRecord render(YearRecord record, RenderOptions options);

    /** The id of the template that prints the records of this school now (by configuration, or the default). */
    String templateIdFor(String schoolCode);

    /** The ids of the templates available now. */
    Set<String> templateIds();
}
