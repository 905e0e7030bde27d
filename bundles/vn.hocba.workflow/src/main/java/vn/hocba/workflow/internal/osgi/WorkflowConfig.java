package vn.hocba.workflow.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How the workflow runs (PID {@code vn.hocba.workflow}). With no configuration: the job tables in the store's
 * embedded Derby database, two worker threads, 50 records per signing batch. For several hosts on one PostgreSQL
 * database, give every host the same URL (and the store the same database):
 *
 * <pre>
 * url=jdbc:postgresql://db:5432/hocba
 * user=hocba
 * .password=…
 * dataSourceFactory.target=(osgi.jdbc.driver.class=org.postgresql.Driver)
 * </pre>
 */
@ObjectClassDefinition(id = WorkflowComponent.PID, name = "hocba workflow / Quy trình học bạ",
        description = "Jobs that lock, render, sign, seal and issue records, shared by every host of the database.")
public @interface WorkflowConfig {

    @AttributeDefinition(name = "JDBC URL", required = false,
            description = "The database of the job tables; empty = the store's default embedded Derby database")
    String url() default "";

    @AttributeDefinition(name = "User", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password", required = false, type = AttributeType.PASSWORD)
    String _password() default "";

    @AttributeDefinition(name = "JDBC driver (DataSourceFactory filter)")
    String dataSourceFactory_target() default "(osgi.jdbc.driver.class=org.apache.derby.jdbc.EmbeddedDriver)";

    @AttributeDefinition(name = "Host id", required = false,
            description = "This host's name in the job tables; empty = host name, process id and a random part")
    String hostId() default "";

    @AttributeDefinition(name = "Run jobs", description = "false: this host serves the API but does no job work")
    boolean runJobs() default true;

    @AttributeDefinition(name = "Worker threads", min = "1", max = "16")
    int threads() default 2;

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often an idle worker looks for work")
    int pollMillis() default 1000;

    @AttributeDefinition(name = "Batch size", min = "1",
            description = "Records per claim and per signing-provider batch (one confirmation per batch)")
    int batchSize() default 50;

    @AttributeDefinition(name = "Chunk of single steps", min = "1",
            description = "Records per claim for lock, render and issue, so that workers and hosts share a class")
    int singleChunk() default 4;

    @AttributeDefinition(name = "Lease (s)", description = "After this long another host takes over a dead host's items")
    int leaseSeconds() default 120;

    @AttributeDefinition(name = "Retry after (s)", description = "Wait before retrying when a service was unavailable")
    int retrySeconds() default 30;

    @AttributeDefinition(name = "Attempts", description = "Starts of one record before it is failed")
    int maxAttempts() default 5;

    @AttributeDefinition(name = "Level of personal signatures", options = {
            @org.osgi.service.metatype.annotations.Option(value = "B_B"),
            @org.osgi.service.metatype.annotations.Option(value = "B_T") })
    String signLevel() default "B_T";

    @AttributeDefinition(name = "Level after the seal", options = {
            @org.osgi.service.metatype.annotations.Option(value = "B_T"),
            @org.osgi.service.metatype.annotations.Option(value = "B_LT"),
            @org.osgi.service.metatype.annotations.Option(value = "B_LTA") })
    String sealLevel() default "B_LT";

    @AttributeDefinition(name = "Seal signer per school", required = false,
            description = "school=signerId pairs (the seal's signer id at the provider); default: seal")
    String[] sealSigners() default {};

    @AttributeDefinition(name = "Principal per school", required = false,
            description = "school=Full name|Title (e.g. HP-AL-TH01=Nguyễn Văn Hùng|Hiệu trưởng): who signs second, "
                    + "printed on the form and written in the XML data")
    String[] principals() default {};

    @AttributeDefinition(name = "Sign the export XML",
            description = "true: the XML signed with the PDF is the school's export schema (waits for the export "
                    + "service); false: the renderer's own data file")
    boolean exportXml() default true;
}
