package vn.hocba.demo.internal.pki;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The demo's signing keys; the configuration's presence enables them. */
@ObjectClassDefinition(id = DemoPkiConfig.PID, name = "hocba demo signing keys (khóa ký số mẫu)",
        description = "On first start, a demo CA (not for real use) issues a PKCS#12 file to each demo signer and"
                + " configures the PKCS#12 provider with them")
public @interface DemoPkiConfig {
    String PID = "vn.hocba.demo.pki";

    @AttributeDefinition(name = "School code", description = "The school (tenant) the keys belong to")
    String schoolCode() default "HP-AL-TH01";

    @AttributeDefinition(name = "School name", description = "Organisation of the certificates; the seal's name")
    String schoolName() default "Trường Tiểu học An Thắng";

    @AttributeDefinition(name = "Signers", description = "Entries signerId=name: a user id (or seal) and the name"
            + " its certificate carries")
    String[] signers() default { "gv3a=Phạm Thị Lan", "gv3b=Lê Văn Minh", "ht=Nguyễn Văn Hùng", "pht=Đỗ Thị Mai",
            "seal=Trường Tiểu học An Thắng" };

    @AttributeDefinition(name = "Keystore password", type = AttributeType.PASSWORD)
    String password() default "demo";

    @AttributeDefinition(name = "Folder", required = false,
            description = "Where the demo CA and the PKCS#12 files live; empty = ${hocba.data.dir}/demo-pki")
    String folder() default "";

    @AttributeDefinition(name = "CRL URL", required = false, description = "Written into the certificates;"
            + " empty = http://127.0.0.1:${org.osgi.service.http.port}/hocba/demo/pki/demo-root.crl (this host)")
    String crlUrl() default "";
}
