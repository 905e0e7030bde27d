package vn.hocba.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hocba.model.Subject;
import vn.hocba.model.YearEndResult;
import vn.hocba.rules.CurriculumCatalog;
import vn.hocba.rules.RecordValidator;
import vn.hocba.rules.YearResultRules;

/** The DS components are the plain classes behind their service interfaces, configured as DS would. */
class ComponentsTest {

    private static CurriculumCatalogComponent.Config config(boolean tdtTested) {
        return new CurriculumCatalogComponent.Config() {
            @Override
            public boolean tdtTested() { return tdtTested; }

            @Override
            public Class<? extends Annotation> annotationType() { return CurriculumCatalogComponent.Config.class; }
        };
    }

    @Test
    void theCatalogFollowsItsConfiguration() {
        CurriculumCatalog plain = new CurriculumCatalogComponent(config(false));
        CurriculumCatalog tested = new CurriculumCatalogComponent(config(true));
        assertFalse(plain.forYear(Sample.YEAR).entry(3, Subject.TDT).orElseThrow().tested());
        assertTrue(tested.forYear(Sample.YEAR).entry(3, Subject.TDT).orElseThrow().tested());
    }

    @Test
    void theServicesWorkOverTheCatalogService() {
        CurriculumCatalog catalog = new CurriculumCatalogComponent(config(false));
        RecordValidator validator = new RecordValidatorComponent(catalog);
        YearResultRules rules = new YearResultRulesComponent(catalog);
        assertEquals(List.of(), validator.validate(Sample.record(Sample.best(4))));
        assertEquals(YearEndResult.HOAN_THANH_XUAT_SAC, rules.derive(Sample.YEAR, Sample.best(4)).outcome().result());
    }
}
