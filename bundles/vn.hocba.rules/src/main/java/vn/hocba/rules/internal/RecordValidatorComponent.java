package vn.hocba.rules.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import vn.hocba.rules.CurriculumCatalog;
import vn.hocba.rules.RecordValidator;

/** {@link Tt27Validator} as a service. */
@Component(service = RecordValidator.class)
public class RecordValidatorComponent extends Tt27Validator {
    @Activate
    public RecordValidatorComponent(@Reference CurriculumCatalog catalog) {
        super(catalog);
    }
}
