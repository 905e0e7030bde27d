package vn.hocba.assessment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import vn.hocba.assessment.ImportRequest;
import vn.hocba.assessment.ImportService;
import vn.hocba.assessment.SourceImportRequest;
import vn.hocba.assessment.SourceStatus;
import vn.hocba.model.SchoolYear;

/**
 * Gogo commands of the import, each answering the import report as JSON:
 * {@code hocba:import [-n] [-p profile] <school> <file>}, {@code hocba:importSource [-n] [-s source] <school> <year>
 * [class]}, {@code hocba:importClasses <school> <year>} and {@code hocba:importSources}.
 */
@Component(service = ImportCommands.class, property = {
        "osgi.command.scope=hocba",
        "osgi.command.function=import",
        "osgi.command.function=importSource",
        "osgi.command.function=importClasses",
        "osgi.command.function=importSources" })
public class ImportCommands {
    private static final String ACTOR = "system:gogo";

    private final ImportService service;

    @Activate
    public ImportCommands(@Reference ImportService service) {
        this.service = service;
    }

    @Descriptor("import a hocba-csv v1 or vendor-layout file (.csv, .xlsx) into a school; prints the report as JSON")
    public String _import(
            @Descriptor("check and report only, write nothing")
            @Parameter(names = { "-n", "--dry-run" }, presentValue = "true", absentValue = "false") boolean dryRun,
            @Descriptor("layout profile id (default: recognise the layout)")
            @Parameter(names = { "-p", "--profile" }, absentValue = "") String profile,
            @Descriptor("school code") String school,
            @Descriptor("path of the file") String file) {
        Path path = Path.of(file);
        try (InputStream in = Files.newInputStream(path)) {
            return service.importFile(new ImportRequest(school, path.getFileName().toString(), "", profile, ACTOR,
                    dryRun), in).toJson();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Descriptor("pull classes from the school's assessment source; prints the report as JSON")
    public String importSource(
            @Descriptor("check and report only, write nothing")
            @Parameter(names = { "-n", "--dry-run" }, presentValue = "true", absentValue = "false") boolean dryRun,
            @Descriptor("source id (default: the one configured for the school)")
            @Parameter(names = { "-s", "--source" }, absentValue = "") String source,
            @Descriptor("school code") String school,
            @Descriptor("school year, e.g. 2024-2025") String year,
            @Descriptor("class names (default: every class of the source)") String... classes) {
        if (classes.length == 0) {
            return service.importFromSource(new SourceImportRequest(school, SchoolYear.parse(year), "", source,
                    ACTOR, dryRun)).toJson();
        }
        StringBuilder sb = new StringBuilder("[");
        for (String c : classes) {
            if (sb.length() > 1) sb.append(',');
            sb.append(service.importFromSource(new SourceImportRequest(school, SchoolYear.parse(year), c, source,
                    ACTOR, dryRun)).toJson());
        }
        return sb.append(']').toString();
    }

    @Descriptor("list the classes the school's assessment source holds for a year")
    public String importClasses(
            @Descriptor("source id (default: the one configured for the school)")
            @Parameter(names = { "-s", "--source" }, absentValue = "") String source,
            @Descriptor("school code") String school,
            @Descriptor("school year, e.g. 2024-2025") String year) {
        return service.sourceClasses(school, SchoolYear.parse(year), source).stream()
                .map(c -> c.grade() + "\t" + c.name() + "\t" + c.homeroomTeacher())
                .collect(Collectors.joining("\n"));
    }

    @Descriptor("list the registered assessment sources and the source of each configured school")
    public String importSources() {
        SourceStatus s = service.sources();
        StringBuilder sb = new StringBuilder();
        sb.append("available: ").append(String.join(", ", s.available())).append('\n');
        sb.append("default: ").append(s.defaultSource().isEmpty() ? "(none)" : s.defaultSource()).append('\n');
        s.bySchool().forEach((school, source) -> sb.append(school).append(" = ").append(source).append('\n'));
        return sb.toString();
    }
}
