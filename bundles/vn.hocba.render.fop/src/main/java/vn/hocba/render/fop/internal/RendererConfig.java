package vn.hocba.render.fop.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the renderer (PID {@value FopRecordRenderer#PID}). */
@ObjectClassDefinition(name = "hocba: in học bạ / record rendering",
        description = "Mẫu mặc định và địa chỉ kiểm tra in trong mã QR / Default template and the verification "
                + "link printed in the QR code")
public @interface RendererConfig {

    @AttributeDefinition(name = "Mẫu mặc định / Default template id",
            description = "Dùng cho các trường không có cấu hình riêng / Used for schools without their own choice")
    String default_template() default DefaultTemplate.ID;

    @AttributeDefinition(name = "Địa chỉ kiểm tra / Verification base URL",
            description = "Mã QR trỏ tới <URL>?id=<mã hồ sơ>&v=<phiên bản>&h=<SHA-256 dữ liệu> / The QR code "
                    + "links to <URL>?id=<record id>&v=<version>&h=<SHA-256 of the data>")
    String verification_base_url() default "https://hocba.example/verify";
}
