/**
 * The signature-provider SPI: the one thing a key holder (PKCS#12 file, PKCS#11 token or HSM, remote
 * signing service) implements. A provider lists the credentials a signer may use and signs N digests
 * with one authorisation, returning the N signature values now or a pending handle to poll. It never
 * sees a PDF or an XML document: the engine computes the data to sign and embeds the values.
 *
 * <p>Implementations register a {@link vn.hocba.signing.spi.SignatureProvider} service; which one a
 * school or a signer uses is configuration (PID {@code vn.hocba.signing.providers}), never ranking.
 */
@Export
@Version("1.0.0")
package vn.hocba.signing.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
