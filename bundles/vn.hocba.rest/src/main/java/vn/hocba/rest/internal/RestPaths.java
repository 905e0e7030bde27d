package vn.hocba.rest.internal;

/** The one place that says where the hocba API lives on the host's HTTP server. */
final class RestPaths {
    static final String BASE = "hocba/api/v1";

    private RestPaths() {}
}
