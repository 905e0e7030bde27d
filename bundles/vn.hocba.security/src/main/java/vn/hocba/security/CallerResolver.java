package vn.hocba.security;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by the host platform: tells hocba who made an HTTP request, from the platform's own sessions, tokens
 * or certificates. Register it as a service; several may be registered, the one used is chosen by its {@link #id()}
 * in configuration. Implementations are thread-safe and fast (called on every request).
 */
@ConsumerType
public interface CallerResolver {

    /** A stable id used in configuration, e.g. {@code basic} or {@code vnedu-session}. */
    String id();

    /** Who made the request: authenticated, anonymous (no credentials) or refused (bad credentials). */
    Resolution resolve(RequestView request);

    /**
     * The {@code WWW-Authenticate} value sent with a 401 answer (e.g. {@code Basic realm="hocba", charset="UTF-8"}),
     * or {@code null} when the host signs users in elsewhere.
     */
    String challenge();
}
