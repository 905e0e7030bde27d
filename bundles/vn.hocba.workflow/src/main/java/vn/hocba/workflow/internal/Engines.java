package vn.hocba.workflow.internal;

import java.util.Optional;

import vn.hocba.export.ExportService;
import vn.hocba.export.TransferService;
import vn.hocba.render.RecordRenderer;
import vn.hocba.rules.RecordValidator;
import vn.hocba.rules.YearResultRules;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.XadesEngine;
import vn.hocba.signing.spi.SignatureProvider;

/**
 * The services a step needs, as they are now: each may come and go at runtime (dynamic references), and a step whose
 * service is missing gives its items back to be retried later instead of failing them.
 */
public interface Engines {

    Optional<RecordRenderer> renderer();

    Optional<PadesEngine> pades();

    /** Without a XAdES engine the XML keeps no signatures of its own (the PDF carries them, and the XML inside). */
    Optional<XadesEngine> xades();

    /** Says which provider a signer uses (configuration per school and signer) and lists their credentials. */
    Optional<SigningService> signing();

    Optional<SignatureProvider> provider(String id);

    Optional<YearResultRules> rules();

    Optional<RecordValidator> validator();

    /** Gives the exporter (exchange schema) a school's XML is written in; absent where no export bundle runs. */
    default Optional<ExportService> export() {
        return Optional.empty();
    }

    /** Gives the study history carried over from records transferred in from other schools; absent without export. */
    default Optional<TransferService> transfers() {
        return Optional.empty();
    }
}
