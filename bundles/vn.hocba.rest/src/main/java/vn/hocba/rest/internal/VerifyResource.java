package vn.hocba.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import vn.hocba.signing.SignatureVerifier;
import vn.hocba.signing.SigningException;

/**
 * {@code POST /verify}: anyone (a parent, a receiving school) sends a học bạ PDF or XML and gets the verification
 * report: every signature in order, and whether the record is still the official one (superseded, revoked). No
 * authentication; a client gets {@code verifyPerMinute} verifications a minute.
 */
@Component(service = VerifyResource.class)
@JaxrsResource
@JSONRequired
@Path(RestPaths.BASE)
public class VerifyResource {

    private final Authenticator auth;
    private final RateLimiter limiter = new RateLimiter(System::currentTimeMillis);
    private volatile SignatureVerifier verifier;

    @Activate
    public VerifyResource(@Reference Authenticator auth) {
        this.auth = auth;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setVerifier(SignatureVerifier v) {
        verifier = v;
    }

    void unsetVerifier(SignatureVerifier v) {
        if (verifier == v) verifier = null;
    }

    @POST
    @Path("verify")
    @Consumes({ "application/pdf", MediaType.APPLICATION_XML, "text/xml", MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify(InputStream body, @Context HttpServletRequest request) throws IOException {
        String client = request.getRemoteAddr();
        if (!limiter.tryAcquire(client, auth.config().verifyPerMinute())) {
            auth.refused("anonymous from " + client, null, "POST verify", "429 rate limit");
            throw new ApiException(429, "TOO_MANY_REQUESTS", "Quá nhiều yêu cầu kiểm tra; xin thử lại sau một phút",
                    "Too many verifications; try again in a minute");
        }
        byte[] document = read(body, auth.config().verifyMaxBytes());
        if (document.length == 0) {
            throw ApiException.badRequest("Cần gửi tệp PDF hoặc XML của học bạ",
                    "Send the record's PDF or XML as the body");
        }
        SignatureVerifier v = verifier;
        if (v == null) {
            throw new ApiException(503, "UNAVAILABLE", "Dịch vụ kiểm tra chữ ký chưa sẵn sàng",
                    "The signature verifier is not available now");
        }
        try {
            return Response.ok(v.toJson(v.verify(document)), Views.JSON).build();
        } catch (SigningException e) {
            throw new ApiException(422, "UNREADABLE", e.messageVi(), String.valueOf(e.getMessage()));
        }
    }

    static byte[] read(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                throw new ApiException(413, "TOO_LARGE", "Tệp quá lớn (tối đa " + max + " byte)",
                        "The document is too large (at most " + max + " bytes)");
            }
        }
        return out.toByteArray();
    }
}
