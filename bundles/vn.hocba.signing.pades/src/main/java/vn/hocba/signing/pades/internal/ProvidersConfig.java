package vn.hocba.signing.pades.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "hocba signing providers (nhà cung cấp ký số)",
        description = "Which signature provider each school or signer uses (PID vn.hocba.signing.providers);"
                + " changes apply to the next batch, without restart")
@interface ProvidersConfig {

    @AttributeDefinition(name = "Default provider", description = "Provider id for schools not listed below")
    String defaultProvider() default "pkcs12";

    @AttributeDefinition(name = "Per school", required = false,
            description = "Entries schoolCode=providerId, e.g. 31000001=csc-vnpt")
    String[] schools() default {};

    @AttributeDefinition(name = "Per signer", required = false,
            description = "Entries schoolCode/signerId=providerId, e.g. 31000001/gv-hoa=pkcs11-token")
    String[] signers() default {};

    @AttributeDefinition(name = "Digest algorithm", description = "SHA256, SHA384 or SHA512")
    String digestAlgorithm() default "SHA256";
}
