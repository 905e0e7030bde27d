package vn.hocba.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /openapi.json}: the OpenAPI 3.0 description of this API (a unit test keeps it true to the code). */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JSONRequired
@Path(RestPaths.BASE)
public class OpenApiResource {

    static final String DOCUMENT = "openapi.json";

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) throw new ApiException(404, "NOT_FOUND", "Không có tài liệu OpenAPI", "No OpenAPI document");
            return Response.ok(in.readAllBytes(), Views.JSON).build();
        }
    }
}
