package vn.hocba.signing.pades.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "hocba signing engine (PAdES/XAdES)",
        description = "Time-stamping, certification and verification settings (PID vn.hocba.signing.pades)")
@interface PadesConfig {

    @AttributeDefinition(name = "TSA URL", description = "RFC 3161 time-stamping authority for B-T and B-LTA")
    String tsaUrl() default "";

    @AttributeDefinition(name = "Network timeout (ms)", description = "For TSA, CRL and OCSP requests")
    int timeoutMillis() default 15000;

    @AttributeDefinition(name = "Seal DocMDP permission", description = "P of the seal's certification:"
            + " 1 = no change at all (default; DSS data and archive time-stamps stay allowed),"
            + " 2 = later signatures and form fill-in allowed")
    int docMdpPermission() default 1;

    @AttributeDefinition(name = "Trust anchors folder", description = "Folder of the root certificates (PEM or DER"
            + " .pem/.crt/.cer/.der) that verification trusts; managed by the school admin")
    String trustAnchorsDir() default "hocba-data/trust-anchors";

    @AttributeDefinition(name = "Fetch revocation data online", description = "When verifying, fetch CRL/OCSP from"
            + " the URLs in the certificates if the document does not carry them")
    boolean onlineRevocation() default true;

    @AttributeDefinition(name = "Parallel signing threads", description = "Threads that prepare and embed a batch;"
            + " 0 = one per processor")
    int parallelism() default 0;
}
