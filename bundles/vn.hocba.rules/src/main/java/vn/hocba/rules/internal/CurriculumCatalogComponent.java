package vn.hocba.rules.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import vn.hocba.rules.CurriculumCatalog;

/** The shipped curricula as a service; a configuration change re-creates it (and the services that use it). */
@Component(service = CurriculumCatalog.class, configurationPid = CurriculumCatalogComponent.PID)
@Designate(ocd = CurriculumCatalogComponent.Config.class)
public class CurriculumCatalogComponent extends ResourceCurriculumCatalog {
    public static final String PID = "vn.hocba.rules.curriculum";

    @ObjectClassDefinition(name = "hocba curriculum", description = "Settings of the curriculum where the official text is open")
    public @interface Config {
        @AttributeDefinition(name = "Tiếng dân tộc thiểu số is tested",
                description = "Whether TDT has an end-of-year periodic test whose score the record prints ([open], default false)")
        boolean tdtTested() default false;
    }

    @Activate
    public CurriculumCatalogComponent(Config config) {
        super(config.tdtTested());
    }
}
