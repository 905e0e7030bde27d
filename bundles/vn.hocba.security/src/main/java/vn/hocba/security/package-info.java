/**
 * Who is calling hocba: the {@link vn.hocba.security.Caller} (user id, name, and the {@link vn.hocba.security.Grant}s
 * that say which roles they hold in which schools, classes or districts), and the
 * {@link vn.hocba.security.CallerResolver} SPI through which the host platform tells hocba who made a request.
 *
 * <p>hocba never keeps its own user database when it lives inside a school-management platform: the platform
 * implements {@code CallerResolver} from its own sessions. The standalone host ships one with HTTP Basic users
 * from {@code etc/} (bundle {@code vn.hocba.security.basic}). Which resolver is used is configuration
 * (PID {@code vn.hocba.rest}, property {@code callerResolver}), never service ranking.
 */
@Export
@Version("1.0.0")
package vn.hocba.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
