package vn.hocba.assessment.csv.internal;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import vn.hocba.assessment.spi.AssessmentFileReader;

/** {@link HocbaCsvReader} as the file reader of the import service; a configuration change re-creates it. */
@Component(service = AssessmentFileReader.class, configurationPid = HocbaCsvReaderComponent.PID,
        property = "hocba.assessment.reader=" + HocbaCsvReader.ID)
@Designate(ocd = HocbaCsvReaderComponent.Config.class)
public class HocbaCsvReaderComponent extends HocbaCsvReader {
    public static final String PID = "vn.hocba.assessment.csv";

    @ObjectClassDefinition(name = "hocba-csv reader", description = "Reading .csv and .xlsx uploads")
    public @interface Config {
        @AttributeDefinition(name = "Largest unpacked .xlsx (MB)",
                description = "An .xlsx whose parts unpack to more is refused as a zip bomb", min = "1")
        int maxUnpackedMegabytes() default 200;
    }

    @Activate
    public HocbaCsvReaderComponent(Config config) {
        super(Clock.systemUTC(), Math.max(1, config.maxUnpackedMegabytes()) * 1024L * 1024L);
    }
}
