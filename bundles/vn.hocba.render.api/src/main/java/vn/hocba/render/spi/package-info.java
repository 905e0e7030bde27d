/**
 * For template authors (a province or a vendor): a {@link vn.hocba.render.spi.RenderTemplate} service lays the
 * official form out differently; the render service picks one per school by configuration.
 */
@Export
@Version("1.0.0")
package vn.hocba.render.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
