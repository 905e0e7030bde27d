package vn.hocba.workflow.internal.fakes;

import java.util.Optional;

import vn.hocba.export.TransferService;
import vn.hocba.render.RecordRenderer;
import vn.hocba.rules.RecordValidator;
import vn.hocba.rules.YearResultRules;
import vn.hocba.rules.internal.ResourceCurriculumCatalog;
import vn.hocba.rules.internal.Tt27Rules;
import vn.hocba.rules.internal.Tt27Validator;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.XadesEngine;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.workflow.internal.Engines;

/** The services of a test: the real TT27 rules, fake renderer and signing; each can be taken away. */
public final class TestEngines implements Engines {
    public final FakeSigning.FakeProvider provider = new FakeSigning.FakeProvider();
    public final FakeSigning.FakePades pades = new FakeSigning.FakePades();
    public final FakeRenderer renderer = new FakeRenderer();
    public volatile boolean withRenderer = true;
    public volatile boolean withXades = true;
    /** The transfer import of the receiving school, or null (no export bundle). */
    public volatile TransferService transfers;
    private final ResourceCurriculumCatalog catalog = new ResourceCurriculumCatalog();
    private final Tt27Rules rules = new Tt27Rules(catalog);
    private final Tt27Validator validator = new Tt27Validator(catalog);
    private final FakeSigning.FakeXades xades = new FakeSigning.FakeXades();
    private final FakeSigning.FakeSigningService signing = new FakeSigning.FakeSigningService(provider);

    @Override
    public Optional<RecordRenderer> renderer() {
        return withRenderer ? Optional.of(renderer) : Optional.empty();
    }

    @Override
    public Optional<PadesEngine> pades() {
        return Optional.of(pades);
    }

    @Override
    public Optional<XadesEngine> xades() {
        return withXades ? Optional.of(xades) : Optional.empty();
    }

    @Override
    public Optional<SigningService> signing() {
        return Optional.of(signing);
    }

    @Override
    public Optional<SignatureProvider> provider(String id) {
        return provider.id().equals(id) ? Optional.of(provider) : Optional.empty();
    }

    @Override
    public Optional<TransferService> transfers() {
        return Optional.ofNullable(transfers);
    }

    @Override
    public Optional<YearResultRules> rules() {
        return Optional.of(rules);
    }

    @Override
    public Optional<RecordValidator> validator() {
        return Optional.of(validator);
    }
}
