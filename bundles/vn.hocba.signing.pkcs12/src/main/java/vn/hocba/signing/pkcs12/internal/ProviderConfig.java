package vn.hocba.signing.pkcs12.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "hocba PKCS#12 signature provider",
        description = "Signs with the keys of the configured PKCS#12 files (PID vn.hocba.signing.pkcs12)")
@interface ProviderConfig {

    @AttributeDefinition(name = "Provider id", description = "The id schools are configured with")
    String id() default "pkcs12";
}
