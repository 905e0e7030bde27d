package vn.hocba.store;

import java.util.List;

/** Where signatures and export deliveries of record versions are, kept across restarts. */
public interface ProcessingStateRepository {

    /** Creates or replaces the state of one signer role on one version. */
    SigningState putSigning(SchoolScope scope, SigningState state);

    List<SigningState> signing(SchoolScope scope, RecordRef ref);

    /** Every signing state of the school with that status (e.g. IN_PROGRESS to poll after a restart). */
    List<SigningState> signingWithStatus(SchoolScope scope, TaskStatus status);

    /** Creates or replaces the delivery state of one version by one exporter. */
    ExportState putExport(SchoolScope scope, ExportState state);

    List<ExportState> exports(SchoolScope scope, RecordRef ref);

    /** The deliveries of one exporter with that status, oldest change first. */
    List<ExportState> exportsWithStatus(SchoolScope scope, String exporterId, TaskStatus status);
}
