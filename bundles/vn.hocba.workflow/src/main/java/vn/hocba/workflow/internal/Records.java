package vn.hocba.workflow.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.hocba.model.RecordState;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningException;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.StoredRecord;
import vn.hocba.workflow.RecordFacts;
import vn.hocba.workflow.RefusalCode;
import vn.hocba.workflow.WorkflowException;

/** Reads what the state machine needs to know about a stored version. */
final class Records {

    private final Stores stores;
    private final Engines engines;

    Records(Stores stores, Engines engines) {
        this.stores = stores;
        this.engines = engines;
    }

    /**
     * The facts of a version. Whether it is sealed is read from its PDF (the one place that cannot disagree with
     * itself) when the state alone does not tell.
     */
    RecordFacts facts(SchoolScope scope, StoredRecord r, boolean latest, boolean newerExists) {
        RecordState s = r.state();
        boolean rendered = r.pdf() != null && r.xml() != null;
        boolean teacher = s.ordinal() >= RecordState.TEACHER_SIGNED.ordinal() && s != RecordState.DRAFT;
        boolean principal = s.ordinal() >= RecordState.PRINCIPAL_SIGNED.ordinal();
        boolean sealed = s.isIssued() || s == RecordState.SUPERSEDED || s == RecordState.REVOKED
                || (s == RecordState.PRINCIPAL_SIGNED && rendered && pdfRoles(scope, r).contains(SignerRole.SCHOOL_SEAL));
        return new RecordFacts(s, latest, newerExists, r.record().pupil().hasValidPersonalId(), rendered, teacher,
                principal, sealed);
    }

    /** The roles that signed the version's PDF, in order; empty without a PDF. */
    List<SignerRole> pdfRoles(SchoolScope scope, StoredRecord r) {
        if (r.pdf() == null) return List.of();
        PadesEngine pades = engines.pades().orElseThrow(() -> unavailable("PAdES", "chữ ký PDF"));
        byte[] pdf = stores.records().artefact(scope, r.ref(), ArtefactKind.PDF).orElse(null);
        if (pdf == null) return List.of();
        try {
            return pades.signedRoles(pdf);
        } catch (SigningException e) {
            throw new WorkflowException(RefusalCode.FAILED, "Không đọc được chữ ký trong PDF: " + e.messageVi(),
                    "Cannot read the signatures of the PDF: " + e.getMessage());
        }
    }

    /** The roles that count as having signed in {@code role}'s place (a deputy signs in the principal's). */
    static Set<SignerRole> sameStep(SignerRole role) {
        return switch (role) {
            case PRINCIPAL, DEPUTY_PRINCIPAL -> EnumSet.of(SignerRole.PRINCIPAL, SignerRole.DEPUTY_PRINCIPAL);
            default -> EnumSet.of(role);
        };
    }

    Optional<StoredRecord> latest(SchoolScope scope, String recordId) {
        return stores.records().latest(scope, recordId);
    }

    static WorkflowException unavailable(String what, String whatVi) {
        return new WorkflowException(RefusalCode.UNAVAILABLE, "Dịch vụ " + whatVi + " (" + what + ") chưa sẵn sàng",
                "The " + what + " service is not available now");
    }
}
