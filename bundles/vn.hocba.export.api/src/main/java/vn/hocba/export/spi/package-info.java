/**
 * The two plugs of the export: an {@link vn.hocba.export.spi.Exporter} per exchange-schema version or province
 * platform (writes and reads a record's XML), and a {@link vn.hocba.export.spi.Transport} per way of delivering a
 * package (a folder another system collects, an HTTP endpoint, …). Implementations register as services keyed by
 * their {@code id()}; which one a school uses is configuration (PID {@code vn.hocba.export}), never ranking.
 */
@Export
@Version("1.0.0")
package vn.hocba.export.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
