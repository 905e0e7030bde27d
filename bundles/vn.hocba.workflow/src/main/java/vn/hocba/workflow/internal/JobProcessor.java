package vn.hocba.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.hocba.export.TransferService;
import vn.hocba.model.YearRecord;
import vn.hocba.render.RecordRenderer;
import vn.hocba.render.RenderException;
import vn.hocba.render.RenderOptions;
import vn.hocba.render.RenderedRecord;
import vn.hocba.rules.Problem;
import vn.hocba.rules.RecordValidator;
import vn.hocba.rules.RuleViolationException;
import vn.hocba.signing.DocumentFormat;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureBox;
import vn.hocba.signing.SignatureOrderException;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignerInfo;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.SigningService;
import vn.hocba.signing.XadesEngine;
import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.DigestAlgorithm;
import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignatureProviderException;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.spi.WrongAuthorisationException;
import vn.hocba.store.ArtefactKind;
import vn.hocba.store.ConflictException;
import vn.hocba.store.SchoolScope;
import vn.hocba.store.SigningState;
import vn.hocba.store.StoreException;
import vn.hocba.store.StoredAssessment;
import vn.hocba.store.StoredRecord;
import vn.hocba.store.TaskStatus;
import vn.hocba.workflow.Decision;
import vn.hocba.workflow.ItemStatus;
import vn.hocba.workflow.RefusalCode;
import vn.hocba.workflow.Step;
import vn.hocba.workflow.WorkflowException;
import vn.hocba.workflow.internal.jobs.Claim;
import vn.hocba.workflow.internal.jobs.DocumentIndex;
import vn.hocba.workflow.internal.jobs.ItemRow;
import vn.hocba.workflow.internal.jobs.JobRow;
import vn.hocba.workflow.internal.jobs.JobStore;
import vn.hocba.workflow.internal.jobs.Staged;

/**
 * Does the work of jobs, one claimed chunk at a time, on whichever host runs it.
 *
 * <p>Each record goes through "check → work → write" where the write is the only thing that changes the record and
 * is guarded by the record's revision: a record is written once or not at all, and a host that crashes leaves its
 * records at the old state. What cannot be repeated (a signature value from a provider) is staged in the job tables
 * before it is written, so the host that takes the item over writes that very signature instead of asking for a new
 * one. A record found already at the step's target counts as done: every step is idempotent.
 */
public final class JobProcessor {

    private static final Logger LOG = Logger.getLogger(JobProcessor.class.getName());

    private final Stores stores;
    private final Engines engines;
    private final JobStore jobs;
    private final DocumentIndex documents;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, Authorisation> authorisations;
    private final Records records;

    /**
     * @param authorisations the PINs and codes this host holds for its jobs (memory only), by job id
     */
    public JobProcessor(Stores stores, Engines engines, JobStore jobs, DocumentIndex documents, Settings settings,
            Clock clock, Map<String, Authorisation> authorisations) {
        this.stores = stores;
        this.engines = engines;
        this.jobs = jobs;
        this.documents = documents;
        this.settings = settings;
        this.clock = clock;
        this.authorisations = authorisations;
        this.records = new Records(stores, engines);
    }

    /** Claims one chunk of work and does it; false when there was nothing to claim. */
    public boolean runOnce() {
        long now = clock.millis();
        Optional<Claim> claim = jobs.claim(settings.hostId(), this::chunk, now, now + settings.leaseMillis(),
                authorisations.keySet());
        if (claim.isEmpty()) return false;
        JobRow job = claim.get().job();
        LOG.info(() -> "host " + settings.hostId() + " took " + claim.get().items().size() + " record(s) of job "
                + job.id() + " (" + job.kind() + " " + job.schoolCode() + " " + job.className() + ")");
        try {
            process(job, claim.get().items());
        } finally {
            if (jobs.counts(job.id()).open() == 0) authorisations.remove(job.id());
        }
        return true;
    }

    private int chunk(JobRow job) {
        return job.kind() == vn.hocba.workflow.JobKind.SIGN || job.kind() == vn.hocba.workflow.JobKind.SEAL
                ? settings.batchSize() : settings.singleChunk();
    }

    /** Works until nothing is left to claim now (tests, and the Gogo shell's synchronous runs). */
    public int drain() {
        int chunks = 0;
        while (runOnce()) chunks++;
        return chunks;
    }

    private void process(JobRow job, List<ItemRow> items) {
        SchoolScope scope = SchoolScope.of(job.schoolCode());
        List<ItemRow> fresh = new ArrayList<>();
        Map<String, List<ItemRow>> awaiting = new LinkedHashMap<>();
        for (ItemRow item : items) {
            if (item.attempts() > settings.maxAttempts()) {
                finish(job, item, ItemStatus.FAILED, "Đã thử " + settings.maxAttempts() + " lần mà không xong: "
                        + item.messageVi(), "Gave up after " + settings.maxAttempts() + " attempts: "
                        + item.messageEn());
                continue;
            }
            try {
                switch (item.status()) {
                    case STAGED -> apply(job, scope, item, jobs.staged(job.id(), item.itemNo()).orElse(null));
                    case AWAITING -> awaiting.computeIfAbsent(
                            jobs.staged(job.id(), item.itemNo()).map(Staged::handle).orElse(""),
                            k -> new ArrayList<>()).add(item);
                    default -> fresh.add(item);
                }
            } catch (RuntimeException e) {
                handle(job, item, e);
            }
        }
        awaiting.forEach((handle, group) -> poll(job, scope, handle, group));
        if (fresh.isEmpty()) return;
        switch (job.kind()) {
            case SIGN, SEAL -> signBatch(job, scope, fresh);
            default -> {
                for (int i = 0; i < fresh.size(); i++) {
                    // a slow record (a long render) must not let the lease of the next ones run out
                    jobs.renew(job.id(), fresh.subList(i, fresh.size()).stream().map(ItemRow::itemNo).toList(),
                            settings.hostId(), clock.millis() + settings.leaseMillis());
                    try {
                        single(job, scope, fresh.get(i));
                    } catch (RuntimeException e) {
                        handle(job, fresh.get(i), e);
                    }
                }
            }
        }
    }

    /** The step each item of the job takes. */
    static Step stepOf(JobRow job) {
        return switch (job.kind()) {
            case SIGN -> SignerRole.valueOf(job.signerRole()) == SignerRole.HOMEROOM_TEACHER ? Step.SIGN_TEACHER
                    : Step.SIGN_PRINCIPAL;
            default -> job.kind().step();
        };
    }

    /** Loads the item's record and decides; finishes the item and answers null when there is nothing to do. */
    private StoredRecord check(JobRow job, SchoolScope scope, ItemRow item) {
        Optional<StoredRecord> found = records.latest(scope, item.recordId());
        if (found.isEmpty()) {
            finish(job, item, ItemStatus.FAILED, "Không tìm thấy học bạ " + item.recordId(),
                    "No record " + item.recordId());
            return null;
        }
        StoredRecord r = found.get();
        if (r.record().version() != item.version()) {
            finish(job, item, ItemStatus.SKIPPED, "Đã có phiên bản mới hơn (" + r.record().version() + ")",
                    "A newer version exists (" + r.record().version() + ")");
            return null;
        }
        Decision d = Lifecycle.decide(stepOf(job), records.facts(scope, r, true, false), null);
        if (d.alreadyDone()) {
            finish(job, item, ItemStatus.DONE, d.refusal().messageVi(), d.refusal().messageEn());
            return null;
        }
        if (!d.allowed()) {
            finish(job, item, ItemStatus.SKIPPED, d.refusal().messageVi(), d.refusal().messageEn());
            return null;
        }
        return r;
    }

    // --- lock, render, issue: one record at a time

    private void single(JobRow job, SchoolScope scope, ItemRow item) {
        StoredRecord r = check(job, scope, item);
        if (r == null) return;
        switch (job.kind()) {
            case LOCK -> lock(job, scope, r);
            case RENDER -> render(job, scope, r);
            case ISSUE -> issue(job, scope, r);
            default -> throw new IllegalStateException("not a single-record step: " + job.kind());
        }
        finish(job, item, ItemStatus.DONE, "", "");
    }

    private void lock(JobRow job, SchoolScope scope, StoredRecord r) {
        YearRecord rec = r.record();
        YearRecord updated = rec;
        Optional<StoredAssessment> live = stores.pupils().assessment(scope, rec.year(), rec.pupil().pupilCode());
        if (live.isPresent() && !live.get().assessment().equals(rec.assessment())) {
            updated = updated.withAssessment(live.get().assessment());
        }
        Optional<TransferService> transfers = engines.transfers();
        if (transfers.isPresent()) {
            updated = TransferredHistory.continued(updated,
                    transfers.get().transferredHistory(scope, rec.pupil().pupilCode()));
        }
        if (engines.rules().isPresent()) {
            updated = engines.rules().get().withDerivedOutcome(updated);
        } else if (updated.outcome() == null) {
            throw Records.unavailable("TT27 rules", "quy tắc đánh giá TT27");
        }
        Optional<RecordValidator> validator = engines.validator();
        if (validator.isEmpty()) throw Records.unavailable("record validator", "kiểm tra học bạ");
        List<Problem> errors = validator.get().validate(updated).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new WorkflowException(RefusalCode.VALIDATION_FAILED,
                    "Học bạ còn lỗi, chưa thể khoá sổ: " + join(errors, true),
                    "The record has errors and cannot be locked: " + join(errors, false));
        }
        StoredRecord current = r;
        if (!updated.equals(rec)) current = stores.records().saveDraft(scope, updated, r.revision(), job.requestedBy());
        stores.records().transition(scope, current.ref(), Step.LOCK.target(), current.revision(), job.requestedBy(),
                "job " + job.id());
    }

    private static String join(List<Problem> problems, boolean vi) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(3, problems.size()); i++) {
            if (i > 0) b.append("; ");
            b.append(vi ? problems.get(i).messageVi() : problems.get(i).messageEn());
        }
        if (problems.size() > 3) b.append(vi ? " (và " : " (and ").append(problems.size() - 3)
                .append(vi ? " lỗi khác)" : " more)");
        return b.toString();
    }

    private void render(JobRow job, SchoolScope scope, StoredRecord r) {
        RecordRenderer renderer = engines.renderer().orElseThrow(() -> Records.unavailable("renderer", "tạo bản in"));
        RenderOptions options = RenderOptions.defaults();
        Settings.Principal principal = settings.principals().get(job.schoolCode());
        if (principal != null) options = options.withPrincipal(principal.name(), principal.title());
        if (settings.exportXml()) {
            options = options.withData(ExportXml.of(ExportXml.exporterFor(engines.export(), job.schoolCode()),
                    r.record(), principal));
        }
        RenderedRecord rendered = renderer.render(r.record(), options);
        documents.putBoxes(job.schoolCode(), r.record().recordId(), r.record().version(), rendered.signatureBoxes()
                .stream().map(b -> new DocumentIndex.Box(b.role().name(), b.page(), b.x(), b.y(), b.width(),
                        b.height()))
                .toList());
        stores.records().attachArtefacts(scope, r.ref(), rendered.pdf(), rendered.data().bytes(), r.revision(),
                job.requestedBy());
    }

    private void issue(JobRow job, SchoolScope scope, StoredRecord r) {
        // remembered before the state changes, so a verifier knows the documents the moment they are official
        documents.putIssued(new DocumentIndex.IssuedDocument(r.pdf().sha256(), job.schoolCode(),
                r.record().recordId(), r.record().version(), ArtefactKind.PDF.name()));
        documents.putIssued(new DocumentIndex.IssuedDocument(r.xml().sha256(), job.schoolCode(),
                r.record().recordId(), r.record().version(), ArtefactKind.XML.name()));
        stores.records().transition(scope, r.ref(), Step.ISSUE.target(), r.revision(), job.requestedBy(),
                "job " + job.id());
        queueForExport(scope, r);
    }

    /**
     * Queues the issued version in the school's export outbox at once, whatever its school year (the outbox's own
     * sweep only looks at the current and the previous one). Without an export service now, the sweep queues it later.
     */
    private void queueForExport(SchoolScope scope, StoredRecord r) {
        engines.export().ifPresent(export -> {
            try {
                export.enqueue(scope, r.ref());
            } catch (RuntimeException e) { // ExportException, StoreException: the version is issued all the same
                LOG.log(Level.WARNING, "issued " + r.ref() + " not queued for export now: " + e.getMessage());
            }
        });
    }

    // --- signing: one provider batch per chunk

    private record Work(ItemRow item, StoredRecord record, List<PreparedCodec.Slot> slots) {
    }

    private void signBatch(JobRow job, SchoolScope scope, List<ItemRow> items) {
        SignerRole role = SignerRole.valueOf(job.signerRole());
        SignerRef signer = new SignerRef(job.schoolCode(), job.signerId());
        PadesEngine pades;
        SigningService signing;
        SignatureProvider provider;
        Credential credential;
        try {
            pades = engines.pades().orElseThrow(() -> Records.unavailable("PAdES", "chữ ký PDF"));
            signing = engines.signing().orElseThrow(() -> Records.unavailable("signing", "ký số"));
            String providerId = signing.providerFor(signer);
            provider = engines.provider(providerId).orElseThrow(
                    () -> Records.unavailable("signing provider " + providerId, "ký số " + providerId));
            credential = credential(signing, signer, job.credentialId());
        } catch (WorkflowException e) {
            long later = clock.millis() + settings.retryMillis(); // one time for all: the batch comes back whole
            items.forEach(item -> handle(job, item, e, later));
            return;
        } catch (ProviderUnavailableException e) {
            // the provider cannot list credentials now (a remote service down): as when it cannot sign, wait
            WorkflowException wait = new WorkflowException(RefusalCode.UNAVAILABLE, e.messageVi(), e.getMessage());
            long later = clock.millis() + settings.retryMillis();
            items.forEach(item -> handle(job, item, wait, later));
            return;
        } catch (SigningException e) {
            items.forEach(item -> handle(job, item, signingFailure(e)));
            return;
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.of(credential.keyAlgorithm(), DigestAlgorithm.SHA256);
        SignerInfo info = new SignerInfo(job.signerName(), role, null, null);
        XadesEngine xades = engines.xades().orElse(null);

        List<Work> works = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        for (ItemRow item : items) {
            try {
                StoredRecord r = check(job, scope, item);
                if (r == null) continue;
                byte[] pdf = stores.records().artefact(scope, r.ref(), ArtefactKind.PDF).orElseThrow();
                List<PreparedCodec.Slot> slots = new ArrayList<>();
                PreparedSignature p;
                try {
                    p = pades.prepare(pdf, new SignatureParameters(info, box(job, r, role), credential
                            .certificateChain(), algorithm, settings.signLevel()));
                } catch (SignatureOrderException e) {
                    // signed in this role already, e.g. written by a host that crashed before its state moved on
                    if (rollForward(job, scope, item, r, role, pdf)) continue;
                    throw e;
                }
                slots.add(new PreparedCodec.Slot(digests.size(), p));
                digests.add(p.digest());
                if (xades != null) {
                    byte[] xml = stores.records().artefact(scope, r.ref(), ArtefactKind.XML).orElseThrow();
                    PreparedSignature x = xades.prepare(xml, new SignatureParameters(info, null,
                            credential.certificateChain(), algorithm, settings.signLevel()));
                    slots.add(new PreparedCodec.Slot(digests.size(), x));
                    digests.add(x.digest());
                }
                works.add(new Work(item, r, slots));
            } catch (SigningException e) {
                handle(job, item, signingFailure(e));
            } catch (RuntimeException e) {
                handle(job, item, e);
            }
        }
        if (works.isEmpty()) return;
        long now = clock.millis();
        jobs.renew(job.id(), works.stream().map(w -> w.item().itemNo()).toList(), settings.hostId(),
                now + settings.leaseMillis());
        String description = (job.className().isEmpty() ? job.schoolCode() : "Lớp " + job.className()) + " — "
                + works.size() + " học bạ";
        SignResult result;
        try {
            result = provider.sign(new SignRequest(signer, credential.id(), algorithm, digests,
                    authorisation(job.id()), description));
        } catch (ProviderUnavailableException e) {
            long later = clock.millis() + settings.retryMillis(); // one time for all: the batch comes back whole
            works.forEach(w -> release(job, w.item(), e.messageVi(), e.getMessage(), later));
            return;
        } catch (WrongAuthorisationException e) {
            authorisations.remove(job.id());
            works.forEach(w -> finish(job, w.item(), ItemStatus.FAILED, e.messageVi(), e.getMessage()));
            return;
        } catch (SignatureProviderException | RuntimeException e) {
            LOG.log(Level.WARNING, "signing batch of job " + job.id() + " failed", e);
            String vi = e instanceof SignatureProviderException s ? s.messageVi() : "Ký số thất bại: " + e;
            works.forEach(w -> finish(job, w.item(), ItemStatus.FAILED, vi, String.valueOf(e.getMessage())));
            return;
        }
        if (result instanceof SignResult.Pending pending) {
            awaitConfirmation(job, works, pending);
        } else {
            List<byte[]> values = ((SignResult.Signed) result).signatureValues();
            embedStageApply(job, scope, works.stream().map(Work::item).toList(),
                    works.stream().map(Work::slots).toList(), values);
        }
    }

    /**
     * The job's authorisation for one provider call. A PIN goes out as a copy: providers may clear the array they get
     * (the SPI allows it), and the job's next batch, a retry or another host's takeover needs it again.
     */
    private Authorisation authorisation(String jobId) {
        Authorisation a = authorisations.getOrDefault(jobId, Authorisation.none());
        return a instanceof Authorisation.Pin p ? Authorisation.pin(p.pin().clone()) : a;
    }

    private Credential credential(SigningService signing, SignerRef signer, String credentialId)
            throws SigningException {
        List<Credential> all = signing.credentials(signer);
        return all.stream().filter(c -> credentialId.isEmpty() || c.id().equals(credentialId)).findFirst()
                .orElseThrow(() -> new WorkflowException(RefusalCode.UNAVAILABLE,
                        "Không có chứng thư số để ký cho " + signer, "No signing credential for " + signer));
    }

    private SignatureBox box(JobRow job, StoredRecord r, SignerRole role) {
        String boxRole = role == SignerRole.DEPUTY_PRINCIPAL ? SignerRole.PRINCIPAL.name() : role.name();
        return documents.boxes(job.schoolCode(), r.record().recordId(), r.record().version()).stream()
                .filter(b -> b.role().equals(boxRole)).findFirst()
                .map(b -> new SignatureBox(b.page(), b.x(), b.y(), b.width(), b.height())).orElse(null);
    }

    /**
     * Embeds the provider's values into every document of the batch and stages them all before the first record is
     * written: whatever happens to this host afterwards, no signature of the batch has to be made again.
     */
    private void embedStageApply(JobRow job, SchoolScope scope, List<ItemRow> items,
            List<List<PreparedCodec.Slot>> slots, List<byte[]> values) {
        List<ItemRow> staged = new ArrayList<>();
        List<Staged> bytes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemRow item = items.get(i);
            try {
                Staged s = embed(job, slots.get(i), values);
                if (jobs.stage(job.id(), item.itemNo(), settings.hostId(), ItemStatus.STAGED, s,
                        clock.millis() + settings.leaseMillis())) {
                    staged.add(item);
                    bytes.add(s);
                } // else another host took the item over: this signature is dropped, never written twice
            } catch (SigningException e) {
                handle(job, item, signingFailure(e));
            } catch (RuntimeException e) {
                handle(job, item, e);
            }
        }
        for (int i = 0; i < staged.size(); i++) {
            try {
                apply(job, scope, staged.get(i), bytes.get(i));
            } catch (RuntimeException e) {
                handle(job, staged.get(i), e);
            }
        }
    }

    private Staged embed(JobRow job, List<PreparedCodec.Slot> slots, List<byte[]> values) throws SigningException {
        byte[] pdf = null;
        byte[] xml = null;
        for (PreparedCodec.Slot s : slots) {
            byte[] value = values.get(s.index());
            if (s.prepared().format() == DocumentFormat.PDF) {
                pdf = engines.pades().orElseThrow(() -> Records.unavailable("PAdES", "chữ ký PDF"))
                        .embed(s.prepared(), value);
            } else {
                xml = engines.xades().orElseThrow(() -> Records.unavailable("XAdES", "chữ ký XML"))
                        .embed(s.prepared(), value);
            }
        }
        if (pdf != null && SignerRole.valueOf(job.signerRole()) == SignerRole.SCHOOL_SEAL
                && settings.sealLevel().compareTo(settings.signLevel()) > 0) {
            pdf = engines.pades().orElseThrow().extend(pdf, settings.sealLevel());
        }
        return new Staged(pdf, xml, null, "");
    }

    private void awaitConfirmation(JobRow job, List<Work> works, SignResult.Pending pending) {
        long pollAt = clock.millis() + Math.max(1000, pending.pollAfterMillis());
        String handle = PreparedCodec.handle(pending.handle());
        for (Work w : works) {
            jobs.stage(job.id(), w.item().itemNo(), settings.hostId(), ItemStatus.AWAITING,
                    new Staged(null, null, PreparedCodec.encode(w.slots()), handle), pollAt);
        }
    }

    private void poll(JobRow job, SchoolScope scope, String handleText, List<ItemRow> items) {
        SignResult.PendingHandle handle;
        try {
            handle = PreparedCodec.handle(handleText);
        } catch (RuntimeException e) {
            items.forEach(i -> finish(job, i, ItemStatus.FAILED, "Mất dấu giao dịch ký từ xa",
                    "Lost the remote signing transaction"));
            return;
        }
        Optional<SignatureProvider> provider = engines.provider(handle.providerId());
        SignResult result;
        try {
            if (provider.isEmpty()) throw new ProviderUnavailableException(handle.providerId(), "not registered", null);
            result = provider.get().poll(handle);
        } catch (ProviderUnavailableException e) {
            long later = clock.millis() + settings.retryMillis();
            items.forEach(i -> jobs.stage(job.id(), i.itemNo(), settings.hostId(), ItemStatus.AWAITING,
                    jobs.staged(job.id(), i.itemNo()).orElseThrow(), later));
            return;
        } catch (SignatureProviderException e) {
            items.forEach(i -> finish(job, i, ItemStatus.FAILED, e.messageVi(), e.getMessage()));
            return;
        }
        if (result instanceof SignResult.Pending p) {
            if (p.expiresAt() != null && Instant.ofEpochMilli(clock.millis()).isAfter(p.expiresAt())) {
                items.forEach(i -> finish(job, i, ItemStatus.FAILED, "Người ký chưa xác nhận trong thời hạn",
                        "The signer did not confirm in time"));
                return;
            }
            String next = PreparedCodec.handle(p.handle());
            long pollAt = clock.millis() + Math.max(1000, p.pollAfterMillis());
            items.forEach(i -> {
                Staged old = jobs.staged(job.id(), i.itemNo()).orElseThrow();
                jobs.stage(job.id(), i.itemNo(), settings.hostId(), ItemStatus.AWAITING,
                        new Staged(null, null, old.prepared(), next), pollAt);
            });
            return;
        }
        List<byte[]> values = ((SignResult.Signed) result).signatureValues();
        List<List<PreparedCodec.Slot>> slots = new ArrayList<>();
        for (ItemRow item : items) {
            slots.add(PreparedCodec.decode(jobs.staged(job.id(), item.itemNo()).orElseThrow().prepared()));
        }
        embedStageApply(job, scope, items, slots, values);
    }

    /**
     * Writes staged artefacts into the record and moves its state on, unless that already happened (a host that
     * crashed between the two writes, or one that lost its lease).
     */
    private void apply(JobRow job, SchoolScope scope, ItemRow item, Staged staged) {
        if (staged == null || staged.pdf() == null) {
            // nothing usable was kept: start the item again from the record
            signBatch(job, scope, List.of(item));
            return;
        }
        Optional<StoredRecord> found = records.latest(scope, item.recordId());
        if (found.isEmpty() || found.get().record().version() != item.version()) {
            finish(job, item, ItemStatus.SKIPPED, "Học bạ đã thay đổi phiên bản", "The record's version changed");
            return;
        }
        StoredRecord r = found.get();
        Step step = stepOf(job);
        SignerRole role = SignerRole.valueOf(job.signerRole());
        boolean inPlace = r.pdf() != null && r.pdf().sha256().equals(Hashes.sha256(staged.pdf()));
        Step before = previous(step);
        if (!inPlace) {
            boolean fromState = step == Step.SEAL ? r.state() == vn.hocba.model.RecordState.PRINCIPAL_SIGNED
                    && !records.pdfRoles(scope, r).contains(SignerRole.SCHOOL_SEAL) : r.state() == before.target();
            if (!fromState) {
                finish(job, item, ItemStatus.DONE, "Đã được ký trước đó", "Already signed before");
                return;
            }
            // the signed artefacts and the next state in one write: no reader, and no host taking over after a
            // crash, ever finds a signed PDF at the old state (the seal keeps the state: issuing moves it)
            r = step == Step.SEAL
                    ? stores.records().attachArtefacts(scope, r.ref(), staged.pdf(), staged.xml(), r.revision(),
                            job.requestedBy())
                    : stores.records().attachArtefactsAndTransition(scope, r.ref(), staged.pdf(), staged.xml(),
                            step.target(), r.revision(), job.requestedBy(), "job " + job.id());
        }
        // the PDF already in place at the old state (written by a host of an earlier version): finish the move
        if (step != Step.SEAL && r.state() == before.target()) {
            r = stores.records().transition(scope, r.ref(), step.target(), r.revision(), job.requestedBy(),
                    "job " + job.id());
        }
        recordSigning(scope, r, role, job);
        finish(job, item, ItemStatus.DONE, "", "");
    }

    /** The step whose target state a signing step starts from. */
    private static Step previous(Step step) {
        return switch (step) {
            case SIGN_TEACHER -> Step.RENDER;
            case SIGN_PRINCIPAL -> Step.SIGN_TEACHER;
            case SEAL -> Step.SIGN_PRINCIPAL;
            default -> throw new IllegalStateException("not a signing step: " + step);
        };
    }

    /** The PDF carries the role's signature although the state did not move on: finish the move. */
    private boolean rollForward(JobRow job, SchoolScope scope, ItemRow item, StoredRecord r, SignerRole role,
            byte[] pdf) {
        List<SignerRole> signed;
        try {
            signed = engines.pades().orElseThrow().signedRoles(pdf);
        } catch (SigningException e) {
            return false;
        }
        if (signed.stream().noneMatch(Records.sameStep(role)::contains)) return false;
        Step step = stepOf(job);
        StoredRecord current = r;
        if (step != Step.SEAL && r.state() == previous(step).target()) {
            current = stores.records().transition(scope, r.ref(), step.target(), r.revision(), job.requestedBy(),
                    "job " + job.id() + " (signature found in the PDF)");
        }
        recordSigning(scope, current, role, job);
        finish(job, item, ItemStatus.DONE, "Chữ ký đã có trong PDF", "The signature was already in the PDF");
        return true;
    }

    private void recordSigning(SchoolScope scope, StoredRecord r, SignerRole role, JobRow job) {
        try {
            String provider = engines.signing().map(s -> {
                try {
                    return s.providerFor(new SignerRef(job.schoolCode(), job.signerId()));
                } catch (SigningException e) {
                    return "";
                }
            }).orElse("");
            stores.processing().putSigning(scope, new SigningState(r.ref(), role.name(), job.signerId(), provider,
                    job.id(), TaskStatus.DONE, clock.instant(), ""));
        } catch (RuntimeException e) {
            // bookkeeping only: the PDF itself says who signed
            LOG.log(Level.FINE, "signing state of " + r.ref() + " not kept", e);
        }
    }

    // --- item outcomes

    private void finish(JobRow job, ItemRow item, ItemStatus status, String vi, String en) {
        jobs.finish(job.id(), item.itemNo(), settings.hostId(), status, vi, en);
    }

    /**
     * Gives the item back to be tried again after {@code notBefore}; the items of one batch get the same time, so that
     * they are claimed again together and signed in one batch (one confirmation), not one by one.
     */
    private void release(JobRow job, ItemRow item, String vi, String en, long notBefore) {
        if (item.status() == ItemStatus.CLAIMED) {
            jobs.release(job.id(), item.itemNo(), settings.hostId(), notBefore, vi, en);
        } else {
            jobs.renew(job.id(), List.of(item.itemNo()), settings.hostId(), notBefore);
        }
    }

    private static WorkflowException signingFailure(SigningException e) {
        return new WorkflowException(RefusalCode.FAILED, e.messageVi(), String.valueOf(e.getMessage()));
    }

    /** What an exception means for the item: retry later (unavailable, concurrent change) or fail with the reason. */
    private void handle(JobRow job, ItemRow item, RuntimeException e) {
        handle(job, item, e, clock.millis() + settings.retryMillis());
    }

    private void handle(JobRow job, ItemRow item, RuntimeException e, long retryAt) {
        if (e instanceof WorkflowException w) {
            if (w.code() == RefusalCode.UNAVAILABLE) {
                release(job, item, w.messageVi(), w.getMessage(), retryAt);
            } else {
                finish(job, item, ItemStatus.FAILED, w.messageVi(), w.getMessage());
            }
        } else if (e instanceof ConflictException c) {
            // somebody changed the record meanwhile: look again soon
            release(job, item, c.messageVi(), c.getMessage(), retryAt);
        } else if (e instanceof StoreException s) {
            finish(job, item, ItemStatus.FAILED, s.messageVi(), s.getMessage());
        } else if (e instanceof RenderException r) {
            finish(job, item, ItemStatus.FAILED, r.messageVi(), r.messageEn());
        } else if (e instanceof RuleViolationException r) {
            finish(job, item, ItemStatus.FAILED, r.problem().messageVi(), r.problem().messageEn());
        } else {
            LOG.log(Level.WARNING, "item " + item.recordId() + " of job " + job.id() + " failed", e);
            finish(job, item, ItemStatus.FAILED, "Lỗi không mong đợi: " + e, "Unexpected error: " + e);
        }
    }
}
