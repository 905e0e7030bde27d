package vn.hocba.signing.pkcs11.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One PKCS#11 token or HSM slot (a factory configuration per token). The PIN is the private property {@code .pin}. */
@ObjectClassDefinition(name = "hocba PKCS#11 signing token",
        description = "Một token/HSM PKCS#11 dùng để ký học bạ — one PKCS#11 token or HSM slot that signs học bạ")
public @interface Pkcs11ProviderConfig {

    /** The factory PID. */
    String PID = "vn.hocba.signing.pkcs11";

    @AttributeDefinition(name = "Provider id",
            description = "Id used to select this token in vn.hocba.signing.providers, e.g. pkcs11-seal; unique")
    String provider_id() default "pkcs11";

    @AttributeDefinition(name = "PKCS#11 library",
            description = "Path of the token's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so")
    String library() default "/usr/lib/softhsm/libsofthsm2.so";

    @AttributeDefinition(name = "Slot list index",
            description = "Index of the slot in the module's slot list (SoftHSM renumbers slot ids: use the index)")
    int slotListIndex() default 0;

    @AttributeDefinition(name = "PIN policy",
            description = "PER_BATCH: the signer types the PIN for each batch; CONFIGURED: the PIN below is used")
    PinPolicy pinPolicy() default PinPolicy.PER_BATCH;

    @AttributeDefinition(name = "User PIN", type = AttributeType.PASSWORD, required = false,
            description = "The token's user PIN, only for the CONFIGURED policy; property .pin (private: never a service property)")
    String _pin() default "";

    @AttributeDefinition(name = "Certificate files", required = false,
            description = "PER_BATCH only: PEM files (signer certificate first, then its CA chain) or DER files, one per"
                    + " credential on the token; SunPKCS11 cannot list certificates before the PIN is typed")
    String[] certificateFiles() default {};

    @AttributeDefinition(name = "School code", description = "The school this token serves; * for every school")
    String schoolCode();

    @AttributeDefinition(name = "Signer ids", required = false,
            description = "The staff ids (or 'seal') this token serves in that school; empty for every signer")
    String[] signerIds() default {};

    @AttributeDefinition(name = "Max batch size", description = "The most digests one batch may carry; 0 for no limit")
    int maxBatchSize() default 1000;
}
