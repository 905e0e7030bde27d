package vn.hocba.rest.internal;

import javax.servlet.http.HttpServletRequest;

import vn.hocba.security.RequestView;

/** A servlet request as a {@link RequestView} for the host's caller resolver. */
final class ServletRequestView implements RequestView {
    private final HttpServletRequest request;

    ServletRequestView(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return request.getRequestURI();
    }

    @Override
    public String remoteAddress() {
        return request.getRemoteAddr();
    }
}
