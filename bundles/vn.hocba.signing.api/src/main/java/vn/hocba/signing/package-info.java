/**
 * The signing engine's API: PAdES (PDF) and XAdES (XML) signatures of a học bạ in the order homeroom
 * teacher → principal or deputy → school seal, in three steps (prepare → a provider signs the digests →
 * embed), raising levels B-T → B-LT → B-LTA, and verification into a JSON-friendly report.
 * Only records, enums, interfaces and exceptions; no PDFBox or Bouncy Castle type crosses this line.
 */
@Export
@Version("1.0.0")
package vn.hocba.signing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
