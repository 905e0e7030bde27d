package vn.hocba.security;

/** What a {@link CallerResolver} may see of an HTTP request; no servlet or JAX-RS types cross this line. */
public interface RequestView {

    /** The first value of a header (case-insensitive name), or {@code null}. */
    String header(String name);

    /** GET, POST, … */
    String method();

    /** The request path, e.g. {@code /hocba/api/v1/records/R1}. */
    String path();

    /** The client's address as the HTTP server saw it. */
    String remoteAddress();
}
