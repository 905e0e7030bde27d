package vn.hocba.export.moet.internal.outbox;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "hocba export",
        description = "Xuất học bạ đã phát hành / delivery of issued records: exporter (schema version) and transport"
                + " per school, the outbox worker")
public @interface ExportConfig {

    @AttributeDefinition(description = "Bộ xuất mặc định / default exporter id")
    String exporter() default "moet-tieuhoc-1.0";

    @AttributeDefinition(description = "Cách gửi mặc định / default transport id (folder, http)")
    String transport() default "folder";

    @AttributeDefinition(required = false, description = "Per school: SCHOOLCODE=exporterId")
    String[] schoolExporters() default {};

    @AttributeDefinition(required = false, description = "Per school: SCHOOLCODE=transportId")
    String[] schoolTransports() default {};

    @AttributeDefinition(description = "Record versions per package")
    int batchSize() default 200;

    @AttributeDefinition(description = "Run the delivery worker on this host (one host per database)")
    boolean workerEnabled() default true;

    int intervalSeconds() default 30;

    @AttributeDefinition(description = "Queue issued versions not yet queued, every N minutes (0 = only on request)")
    int sweepMinutes() default 15;

    String workDirectory() default "hocba-data/export/work";

    @AttributeDefinition(description = "Signer id of the school seal at the signing providers")
    String sealSignerId() default "seal";

    @AttributeDefinition(required = false, description = "Credential id of the seal (empty: the first one)")
    String sealCredentialId() default "";

    @AttributeDefinition(description = "How long to wait for a remote seal to confirm a package signature")
    int sealWaitSeconds() default 300;
}
