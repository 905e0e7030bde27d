package vn.hocba.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.hocba.model.RecordState;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.YearRecord;

/**
 * Year records and their versions. A record ({@code recordId}, one per pupil and school year) has versions 1, 2, …;
 * the latest is the one being worked on. Content changes only while a version is {@link RecordState#DRAFT}; from
 * {@link RecordState#ISSUED} on, content and artefacts never change (through this API or the database), only the
 * state moves on (SENT, ACCEPTED, SUPERSEDED, REVOKED). Every change appends to the school's audit trail in the same
 * transaction.
 *
 * <p>Lifecycle steps allowed by {@link #transition}: DRAFT→LOCKED; LOCKED→DRAFT|TEACHER_SIGNED;
 * TEACHER_SIGNED→PRINCIPAL_SIGNED|DRAFT; PRINCIPAL_SIGNED→ISSUED (needs the PDF and the XML attached)|DRAFT;
 * ISSUED→SENT|REVOKED; SENT→ACCEPTED|REVOKED; ACCEPTED→REVOKED. Going back to DRAFT drops attached artefacts.
 * Issuing a correction marks the version it replaces SUPERSEDED.
 */
public interface RecordRepository {

    /** {@code expectedRevision} for a record that must not exist yet. */
    long NEW = 0;

    /** The latest version of a record. */
    Optional<StoredRecord> latest(SchoolScope scope, String recordId);

    Optional<StoredRecord> find(SchoolScope scope, RecordRef ref);

    /** Every version of a record, oldest first. */
    List<StoredRecord> versions(SchoolScope scope, String recordId);

    /** The latest issued (ISSUED, SENT or ACCEPTED) version, the official one while a correction is in progress. */
    Optional<StoredRecord> latestIssued(SchoolScope scope, String recordId);

    /** The latest version of a pupil's record of a school year. */
    Optional<StoredRecord> latestOfPupil(SchoolScope scope, SchoolYear year, String pupilCode);

    /** The latest version of every record of a class, by pupil code. */
    List<StoredRecord> latestOfClass(SchoolScope scope, SchoolYear year, String className);

    /** Every version (not only the latest) in one of {@code states}, of a class, or of the whole year if className is null. */
    List<StoredRecord> inState(SchoolScope scope, SchoolYear year, String className, Set<RecordState> states);

    /** How many records (latest versions) of the year are in each state: the progress a district office watches. */
    Map<RecordState, Long> countByState(SchoolScope scope, SchoolYear year);

    /**
     * Stores draft content. With {@code expectedRevision == NEW} creates version 1 of a new record; otherwise
     * replaces the content of the latest version, which must be a DRAFT of the same version number whose revision
     * is {@code expectedRevision}. The state in {@code record} is ignored.
     *
     * @throws ScopeException              if the record's school or class is another school
     * @throws ConflictException           if the revision moved on (somebody else saved first) or the record exists
     * @throws IllegalTransitionException  if the version is no longer a draft
     */
    StoredRecord saveDraft(SchoolScope scope, YearRecord record, long expectedRevision, String actor);

    /**
     * Moves a version to another state (see the class comment for the steps allowed).
     *
     * @param reason why (required for REVOKED and for going back to DRAFT), may be empty otherwise
     * @throws ConflictException          if the revision moved on
     * @throws IllegalTransitionException if the step is not allowed
     */
    StoredRecord transition(SchoolScope scope, RecordRef ref, RecordState target, long expectedRevision,
            String actor, String reason);

    /**
     * Attaches (or replaces) the PDF and/or the XML of a version that is locked or being signed; a null array leaves
     * that artefact as it is. The store computes the SHA-256 of each.
     *
     * @throws IllegalTransitionException if the version is a draft or already issued
     */
    StoredRecord attachArtefacts(SchoolScope scope, RecordRef ref, byte[] pdf, byte[] xml, long expectedRevision,
            String actor);

    Optional<byte[]> artefact(SchoolScope scope, RecordRef ref, ArtefactKind kind);

    /**
     * A signing step's write: attaches the signed PDF and/or XML and moves the version to {@code target}, all or
     * nothing, so that no reader (and no host that takes over after a crash) ever sees the signed artefacts at the
     * old state. The checks of {@link #attachArtefacts} and {@link #transition} both apply. This default does the two
     * writes one after the other; a store with transactions does them in one.
     *
     * @since 1.1
     */
    default StoredRecord attachArtefactsAndTransition(SchoolScope scope, RecordRef ref, byte[] pdf, byte[] xml,
            RecordState target, long expectedRevision, String actor, String reason) {
        StoredRecord attached = attachArtefacts(scope, ref, pdf, xml, expectedRevision, actor);
        return transition(scope, ref, target, attached.revision(), actor, reason);
    }

    /** The canonical bytes whose SHA-256 is {@link StoredRecord#contentSha256()}. */
    Optional<byte[]> canonicalContent(SchoolScope scope, RecordRef ref);

    /**
     * Starts a correction of an issued record: a new DRAFT version (latest + 1) with the same content and the
     * correction, which must name the latest issued version as the one it replaces.
     *
     * @throws IllegalTransitionException if the latest version is not issued
     */
    StoredRecord createCorrection(SchoolScope scope, String recordId, YearRecord.Correction correction,
            String actor);

    /**
     * Writes the records of one class in one transaction (the importer's and the workflow's batch): the class and
     * the pupils' identities are created or updated, every record is created (version 1) or its draft replaced.
     * Records whose latest version is no longer a draft are refused and reported, the others written. A failure
     * writes nothing.
     *
     * @throws ScopeException if the class or a record belongs to another school, or a record to another class
     */
    ClassBatchResult writeClass(SchoolScope scope, SchoolClass schoolClass, List<YearRecord> records, String actor);
}
