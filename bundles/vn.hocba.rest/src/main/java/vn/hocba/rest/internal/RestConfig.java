package vn.hocba.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code vn.hocba.rest}: who the callers are, and the limits of the public verification endpoint. */
@ObjectClassDefinition(id = Authenticator.PID, name = "hocba REST API / Giao diện REST học bạ")
public @interface RestConfig {

    @AttributeDefinition(name = "Caller resolver",
            description = "The id of the CallerResolver that tells who calls (basic = the standalone host's users)")
    String callerResolver() default "basic";

    @AttributeDefinition(name = "Verifications per minute and client", min = "1")
    int verifyPerMinute() default 30;

    @AttributeDefinition(name = "Largest document to verify (bytes)")
    int verifyMaxBytes() default 20 * 1024 * 1024;
}
