package vn.hocba.rules.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import vn.hocba.rules.CurriculumCatalog;
import vn.hocba.rules.YearResultRules;

/** {@link Tt27Rules} as a service. */
@Component(service = YearResultRules.class)
public class YearResultRulesComponent extends Tt27Rules {
    @Activate
    public YearResultRulesComponent(@Reference CurriculumCatalog catalog) {
        super(catalog);
    }
}
