package vn.hocba.demo.internal.pki;

import java.io.IOException;
import java.nio.file.Files;

import javax.ws.rs.GET;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Serves the demo CA's public files, unauthenticated, outside the API: the root's CRL (the certificates point
 * here, so verifiers and the seal's long-term data find the signers not revoked) and the root as PEM (for a
 * newcomer's own validator).
 */
@Component(service = DemoPkiResource.class, configurationPid = DemoPkiConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@JaxrsResource
@javax.ws.rs.Path(DemoPkiFiles.RESOURCE_PATH)
public class DemoPkiResource {
    private final java.nio.file.Path folder;

    @Activate
    public DemoPkiResource(BundleContext context, DemoPkiConfig config) {
        this.folder = DemoPkiFiles.folder(context, config);
    }

    @GET
    @javax.ws.rs.Path(DemoPki.CRL_FILE)
    @Produces("application/pkix-crl")
    public Response crl() throws IOException {
        return file(DemoPki.CRL_FILE, "application/pkix-crl");
    }

    @GET
    @javax.ws.rs.Path(DemoPki.ROOT_PEM)
    @Produces("application/x-pem-file")
    public Response rootPem() throws IOException {
        return file(DemoPki.ROOT_PEM, "application/x-pem-file");
    }

    private Response file(String name, String type) throws IOException {
        java.nio.file.Path f = folder.resolve(name);
        if (!Files.isRegularFile(f)) return Response.status(Response.Status.NOT_FOUND).build();
        return Response.ok(Files.readAllBytes(f), type).build();
    }
}
