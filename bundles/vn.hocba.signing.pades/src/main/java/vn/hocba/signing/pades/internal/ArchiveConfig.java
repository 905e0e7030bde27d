package vn.hocba.signing.pades.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "hocba archive time-stamp job (B-LTA)",
        description = "Periodically adds validation data and a document time-stamp to issued PDFs"
                + " (PID vn.hocba.signing.archive)")
@interface ArchiveConfig {

    @AttributeDefinition(name = "Enabled")
    boolean enabled() default true;

    @AttributeDefinition(name = "Interval (minutes)", description = "How often the job looks for due documents")
    int intervalMinutes() default 1440;

    @AttributeDefinition(name = "Renew after (days)", description = "A document is due when its newest archive"
            + " time-stamp is older than this (or it has none); renew well before the TSA certificate expires")
    int renewAfterDays() default 365;

    @AttributeDefinition(name = "Documents per run")
    int batchSize() default 200;
}
