package vn.hocba.rest.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import vn.hocba.export.ExportException;
import vn.hocba.workflow.WorkflowException;

/** Every error of the hocba API as application/problem+json, in Vietnamese and English. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable t) {
        if (!(t instanceof ApiException) && !(t instanceof WorkflowException)
                && !(t instanceof WebApplicationException) && !(t instanceof ExportException)) {
            LOG.log(Level.WARNING, "hocba API: unexpected error", t);
        }
        String instance = null;
        try {
            instance = uri == null ? null : "/" + uri.getPath();
        } catch (RuntimeException e) {
            // outside a request (tests): no instance
        }
        return Problems.response(t, instance);
    }
}
