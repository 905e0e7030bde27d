/**
 * The national export of issued year records and the transfer (liên thông) import between schools.
 *
 * <p>An issued record version goes into the school's persistent outbox ({@link vn.hocba.export.ExportService#enqueue});
 * a delivery worker packs queued versions into {@link vn.hocba.export.ExportPackage}s (a ZIP with a signed
 * {@link vn.hocba.export.PackageManifest}, each record's XML and PDF) and hands them to the school's configured
 * transport, so that each version reaches the receiver exactly once, across restarts and outages. A receiving school
 * checks and imports such a package through {@link vn.hocba.export.TransferService}: every hash and signature is
 * verified, and nothing is stored unless all of it passes.
 *
 * <p>Only records, enums, interfaces and exceptions; no XML, ZIP or Bouncy Castle type crosses this line.
 */
@Export
@Version("1.1.0")
package vn.hocba.export;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
