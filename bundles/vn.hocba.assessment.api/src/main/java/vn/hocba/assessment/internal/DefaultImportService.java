package vn.hocba.assessment.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportRequest;
import vn.hocba.assessment.ImportService;
import vn.hocba.assessment.ImportStatus;
import vn.hocba.assessment.SourceImportRequest;
import vn.hocba.assessment.SourceStatus;
import vn.hocba.assessment.spi.AssessmentFileReader;
import vn.hocba.assessment.spi.AssessmentSource;
import vn.hocba.assessment.spi.FileInput;
import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.ImportProblemCode;
import vn.hocba.assessment.spi.ImportProblemCode.Words;
import vn.hocba.assessment.spi.Provenance;
import vn.hocba.assessment.spi.PupilData;
import vn.hocba.assessment.spi.ReadContext;
import vn.hocba.assessment.spi.SourceBatch;
import vn.hocba.assessment.spi.SourceException;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.store.SchoolRepository;
import vn.hocba.store.SchoolScope;

/**
 * The import service without OSGi: readers and sources are added and removed as they come and go (keyed by id),
 * and the settings (size limit, which source each school uses) can change at any time.
 */
public class DefaultImportService implements ImportService {

    /** What can change at runtime. */
    public record Settings(long maxFileBytes, SourceSettings sources) {
        public static Settings of(int maxFileMegabytes, String defaultSource, String... schoolSources) {
            return new Settings(maxFileMegabytes * 1024L * 1024L, SourceSettings.parse(defaultSource, schoolSources));
        }
    }

    private final Importer importer;
    private final SchoolRepository schools;
    private final Clock clock;
    private final List<AssessmentFileReader> readers = new CopyOnWriteArrayList<>();
    private final Map<String, AssessmentSource> sources = new ConcurrentHashMap<>();
    private volatile Settings settings;

    public DefaultImportService(Importer importer, SchoolRepository schools, Clock clock, Settings settings) {
        this.importer = importer;
        this.schools = schools;
        this.clock = clock;
        this.settings = settings;
    }

    protected Importer importer() {
        return importer;
    }

    public void configure(Settings newSettings) {
        this.settings = newSettings;
    }

    public void addReader(AssessmentFileReader reader) {
        readers.removeIf(r -> r.id().equals(reader.id()));
        readers.add(reader);
    }

    public void removeReader(AssessmentFileReader reader) {
        readers.remove(reader);
    }

    public void addSource(AssessmentSource source) {
        sources.put(source.id(), source);
    }

    public void removeSource(AssessmentSource source) {
        sources.remove(source.id(), source);
    }

    @Override
    public ImportReport importFile(ImportRequest request, InputStream content) {
        Settings s = settings;
        Instant now = clock.instant();
        byte[] bytes;
        try {
            bytes = BoundedRead.read(content, s.maxFileBytes());
        } catch (BoundedRead.TooLarge e) {
            return refused(request.schoolCode(), new Provenance("upload", request.fileName(), "", "", now, ""),
                    request.dryRun(), ImportProblem.ofFile(ImportProblemCode.FILE_TOO_LARGE, request.fileName(),
                            s.maxFileBytes() / (1024 * 1024)));
        }
        String sha = BoundedRead.sha256(bytes);
        Provenance unread = new Provenance("upload", request.fileName(), "", "", now, sha);
        if (bytes.length == 0) {
            return refused(request.schoolCode(), unread, request.dryRun(),
                    ImportProblem.ofFile(ImportProblemCode.FILE_EMPTY, request.fileName(), ""));
        }
        FileInput file = new FileInput(request.fileName(), request.mediaType(), bytes, sha);
        AssessmentFileReader reader = readers.stream().filter(r -> r.accepts(file)).findFirst().orElse(null);
        if (reader == null) {
            return refused(request.schoolCode(), unread, request.dryRun(),
                    ImportProblem.ofFile(ImportProblemCode.FILE_TYPE_UNKNOWN, request.fileName(), ""));
        }
        String schoolName = schools.school(SchoolScope.of(request.schoolCode())).map(School::name).orElse("");
        SourceBatch batch;
        try {
            batch = reader.read(file, new ReadContext(request.schoolCode(), schoolName, request.profileId()));
        } catch (RuntimeException e) {
            return refused(request.schoolCode(), unread, request.dryRun(), ImportProblem.ofFile(
                    ImportProblemCode.SOURCE_FAILED, reader.id(), String.valueOf(e.getMessage())));
        }
        return importer.run(request.schoolCode(), batch, request.actor(), request.dryRun());
    }

    @Override
    public ImportReport importFromSource(SourceImportRequest request) {
        Instant now = clock.instant();
        String sourceId = request.sourceId().isEmpty() ? settings.sources().sourceOf(request.schoolCode())
                : request.sourceId();
        String origin = sourceId + ":" + request.schoolCode() + "/" + request.year()
                + (request.className().isEmpty() ? "" : "/" + request.className());
        AssessmentSource source = sources.get(sourceId);
        if (source == null) {
            return refused(request.schoolCode(), new Provenance(sourceId, origin, "", "", now, ""), request.dryRun(),
                    ImportProblem.ofFile(ImportProblemCode.SOURCE_UNKNOWN, sourceId, request.schoolCode()));
        }
        List<PupilData> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        StringBuilder hashes = new StringBuilder();
        try {
            List<String> classNames = request.className().isEmpty()
                    ? source.classes(request.schoolCode(), request.year()).stream().map(SchoolClass::name).toList()
                    : List.of(request.className());
            for (String className : classNames) {
                SourceBatch batch = source.readClass(request.schoolCode(), request.year(), className);
                rows.addAll(batch.rows());
                problems.addAll(batch.problems());
                hashes.append(className).append('=').append(batch.provenance().inputSha256()).append('\n');
            }
        } catch (SourceException e) {
            problems.add(ImportProblem.ofFile(ImportProblemCode.SOURCE_FAILED, sourceId,
                    new Words(e.messageVi(), e.getMessage())));
        }
        String sha = BoundedRead.sha256(hashes.toString().getBytes(StandardCharsets.UTF_8));
        Provenance provenance = new Provenance(sourceId, origin, source.title(), "", now, sha);
        return importer.run(request.schoolCode(), new SourceBatch(provenance, rows, problems), request.actor(),
                request.dryRun());
    }

    @Override
    public List<SchoolClass> sourceClasses(String schoolCode, SchoolYear year, String sourceId) {
        String id = sourceId == null || sourceId.isBlank() ? settings.sources().sourceOf(schoolCode) : sourceId;
        AssessmentSource source = Optional.ofNullable(sources.get(id)).orElseThrow(() -> new SourceException(
                ImportProblemCode.SOURCE_UNKNOWN.vi(id, schoolCode), ImportProblemCode.SOURCE_UNKNOWN.en(id, schoolCode)));
        return source.classes(schoolCode, year);
    }

    @Override
    public SourceStatus sources() {
        SourceSettings s = settings.sources();
        return new SourceStatus(List.copyOf(new TreeSet<>(sources.keySet())), s.defaultSource(), s.bySchool());
    }

    private static ImportReport refused(String schoolCode, Provenance provenance, boolean dryRun,
            ImportProblem problem) {
        return new ImportReport(schoolCode, ImportStatus.REJECTED, dryRun, provenance, List.of(), List.of(problem));
    }
}
