package vn.hocba.render.spi;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A layout of the record form, registered as an OSGi service by any bundle (the default one ships with the FOP
 * renderer). Resources are read from the template bundle's own class loader, never from files.
 *
 * <h2>Contract of the stylesheet</h2>
 * <ul>
 * <li>XSLT 1.0, run by the JDK's processor, turning the record XML (namespace {@code urn:hocba:record:1}, schema
 * {@code record-1.xsd} of the FOP renderer bundle) into XSL-FO 1.1.</li>
 * <li>Stylesheet parameters it may use: {@code verification-url} (the link in the QR code), {@code qr-modules}
 * (the QR code's width in modules) and {@code qr-path} (SVG path data drawing its dark modules in a
 * {@code 0 0 qr-modules qr-modules} view box; print it on every page with a white margin of 4 modules),
 * {@code qr-image} (the same code as a {@code data:} URI of a 1-bit PNG with its quiet zone, for
 * {@code fo:external-graphic}: cheaper than SVG, and one image object for all pages),
 * {@code data-sha256} (hex SHA-256 of the attached data, also in the link), {@code principal-name},
 * {@code principal-title}.</li>
 * <li>Fonts: the families {@code Liberation Serif} and {@code Liberation Sans} (every Vietnamese letter) are
 * embedded; set the family on {@code fo:root} so that no unembedded standard font is used (PDF/A forbids it).</li>
 * <li>Signature blocks: one {@code fo:block-container} with an explicit width and height and the id
 * {@code sig-HOMEROOM_TEACHER}, {@code sig-PRINCIPAL} or {@code sig-SCHOOL_SEAL}; the renderer reports where each
 * landed (page and rectangle) so that visible signatures go exactly there. Give each a background colour
 * ({@code white} is fine): the renderer finds the box where FOP paints that background.</li>
 * <li>Do not write {@code fo:declarations}: the renderer adds the XMP metadata and the attachment itself.</li>
 * <li>Images and other files of the template: {@code src="url(template:path/in/bundle.svg)"}, served by
 * {@link #openResource(String)}.</li>
 * </ul>
 */
@ConsumerType
public interface RenderTemplate {

    /** Service property holding {@link #id()}, so configurations can target a template. */
    String ID_PROPERTY = "hocba.render.template.id";

    /** A stable id used in configuration, e.g. {@code tt27-default} or {@code hai-phong-2025}. */
    String id();

    /** A human title, e.g. {@code Mẫu học bạ theo TT27 (mặc định)}. */
    String title();

    /** A new stream of the XSLT stylesheet; the caller closes it. */
    InputStream openStylesheet() throws IOException;

    /**
     * A new stream of a file the stylesheet refers to as {@code template:path}, or {@code null} when there is none.
     */
    InputStream openResource(String path) throws IOException;
}
