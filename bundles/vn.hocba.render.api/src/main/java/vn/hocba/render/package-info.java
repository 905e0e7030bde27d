/**
 * Printing a year record as the official form: a {@link vn.hocba.model.YearRecord} snapshot in, a PDF/A-3b out,
 * with the record's data attached and the places of the signature boxes.
 * <p>
 * Callers use {@link vn.hocba.render.RecordRenderer}; the layout itself is a swappable
 * {@link vn.hocba.render.spi.RenderTemplate} chosen per school by configuration.
 */
@Export
@Version("1.0.0")
package vn.hocba.render;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
