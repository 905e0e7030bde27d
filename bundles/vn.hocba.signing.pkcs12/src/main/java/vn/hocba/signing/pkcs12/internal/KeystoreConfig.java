package vn.hocba.signing.pkcs12.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "hocba PKCS#12 keystore (tệp khóa PKCS#12)",
        description = "One PKCS#12 file of a signer or of a school. Factory PID vn.hocba.signing.pkcs12.keystore.")
@interface KeystoreConfig {

    @AttributeDefinition(name = "Path", description = "Path of the .p12/.pfx file")
    String path();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD,
            description = "Keystore password (opens the file and lists the certificates)")
    String password();

    @AttributeDefinition(name = "PIN required", description = "Ask the signer for the key password as a PIN on"
            + " every batch instead of using the keystore password (a teacher's own file)")
    boolean pinRequired() default false;

    @AttributeDefinition(name = "Aliases", required = false,
            description = "Key entries to offer; empty for every key entry of the file")
    String[] aliases() default {};

    @AttributeDefinition(name = "School code", description = "The school (tenant) the file belongs to")
    String schoolCode();

    @AttributeDefinition(name = "Signer id", required = false,
            description = "The staff id (or 'seal') this file is for; empty: any signer of the school may use it")
    String signerId() default "";
}
