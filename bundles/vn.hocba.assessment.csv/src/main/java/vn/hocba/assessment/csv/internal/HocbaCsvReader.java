package vn.hocba.assessment.csv.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.hocba.assessment.csv.internal.text.CellText;
import vn.hocba.assessment.csv.internal.text.LetterTable;
import vn.hocba.assessment.csv.internal.text.Syllables;
import vn.hocba.assessment.csv.internal.text.TextDecoder;
import vn.hocba.assessment.spi.AssessmentFileReader;
import vn.hocba.assessment.spi.CellRef;
import vn.hocba.assessment.spi.FileInput;
import vn.hocba.assessment.spi.ImportProblem;
import vn.hocba.assessment.spi.ImportProblemCode;
import vn.hocba.assessment.spi.ImportProblemCode.Words;
import vn.hocba.assessment.spi.Provenance;
import vn.hocba.assessment.spi.PupilData;
import vn.hocba.assessment.spi.ReadContext;
import vn.hocba.assessment.spi.SourceBatch;

/**
 * Reads hocba-csv v1 from a .csv or from the first sheet of an .xlsx, and vendor layouts through the shipped layout
 * profiles. Text is decoded and repaired to Unicode NFC (TCVN3, VNI, NFD, mojibake cells); a file whose encoding
 * cannot be told, an .xlsx that is a zip bomb, or one POI cannot read is refused with the reason.
 */
public class HocbaCsvReader implements AssessmentFileReader {
    public static final String ID = "hocba-csv";

    private final Syllables syllables = new Syllables(new LetterTable());
    private final TextDecoder decoder = new TextDecoder(syllables);
    private final CellText cellText = new CellText(syllables);
    private final Profiles profiles = Profiles.shipped();
    private final Clock clock;
    private final ZipGuard.Limits limits;

    public HocbaCsvReader(Clock clock, long maxUnpackedBytes) {
        this.clock = clock;
        ZipGuard.Limits d = ZipGuard.Limits.DEFAULT;
        this.limits = new ZipGuard.Limits(d.maxEntries(), Math.min(d.maxEntryBytes(), maxUnpackedBytes),
                maxUnpackedBytes, d.maxRatio());
        XlsxReader.limitPoi(limits);
    }

    public HocbaCsvReader() {
        this(Clock.systemUTC(), ZipGuard.Limits.DEFAULT.maxTotalBytes());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(FileInput file) {
        if (file.looksLikeZip()) return true;
        String ext = file.extension();
        if (ext.equals("csv") || ext.equals("txt") || ext.equals("xlsx")) return true;
        return file.mediaType().startsWith("text/");
    }

    @Override
    public SourceBatch read(FileInput file, ReadContext context) {
        boolean xlsx = file.looksLikeZip();
        String kind = xlsx ? "XLSX" : "CSV";
        List<Sheet> sheets;
        String encoding;
        if (xlsx) {
            ZipGuard.Verdict bomb = ZipGuard.check(file.content(), limits);
            if (bomb != null) {
                return refused(file, kind, "", ImportProblem.ofFile(ImportProblemCode.ZIP_BOMB, file.fileName(),
                        new Words(bomb.vi(), bomb.en())));
            }
            try {
                sheets = XlsxReader.read(file.content());
            } catch (XlsxReader.Unreadable e) {
                return refused(file, kind, "", ImportProblem.ofFile(ImportProblemCode.XLSX_UNREADABLE, file.fileName(),
                        e.getMessage()));
            }
            encoding = "Unicode (xlsx)";
        } else if (file.extension().equals("xlsx")) {
            return refused(file, kind, "", ImportProblem.ofFile(ImportProblemCode.XLSX_UNREADABLE, file.fileName(),
                    new Words("tệp không phải là tệp Excel .xlsx", "the file is not an Excel .xlsx file")));
        } else {
            TextDecoder.Decoded text = decoder.decode(file.content());
            if (!text.ok()) {
                return refused(file, kind, "", ImportProblem.ofFile(ImportProblemCode.ENCODING_UNKNOWN, file.fileName(),
                        new Words(text.refusalVi(), text.refusalEn())));
            }
            if (text.text().isBlank() || text.text().strip().equals("\uFEFF")) {
                return refused(file, kind, text.encoding(), ImportProblem.ofFile(ImportProblemCode.FILE_EMPTY,
                        file.fileName(), ""));
            }
            sheets = List.of(Sheet.ofRows(CsvParser.parse(text.text())));
            encoding = text.encoding();
        }
        if (sheets.isEmpty() || sheets.stream().allMatch(s -> s.allTexts().isEmpty())) {
            return refused(file, kind, encoding, ImportProblem.ofFile(ImportProblemCode.FILE_EMPTY, file.fileName(), ""));
        }

        // cells typed in legacy fonts, in any file: repaired, or reported unreadable
        List<String> texts = new ArrayList<>();
        sheets.forEach(s -> texts.addAll(s.allTexts()));
        CellText.Repair repair = cellText.repair(texts);
        List<Sheet> fixed = sheets.stream().map(s -> s.mapTexts(repair::apply)).toList();
        if (!repair.label().isEmpty()) encoding = encoding + "; " + repair.label();

        Table table = layout(fixed, context, kind);
        Provenance provenance = new Provenance(ID, file.fileName(), table == null ? kind : table.format() + " (" + kind
                + ")", encoding, clock.instant(), file.sha256());
        if (table == null) {
            String ids = profiles.ids();
            ImportProblem p = context.profileId().isEmpty() || profiles.byId(context.profileId()).isPresent()
                    ? ImportProblem.ofFile(ImportProblemCode.LAYOUT_UNKNOWN, file.fileName(), "hocba-csv v1, " + ids)
                    : ImportProblem.ofFile(ImportProblemCode.PROFILE_UNKNOWN, context.profileId(), ids);
            return SourceBatch.refused(provenance, List.of(p));
        }
        List<PupilData> rows = new ArrayList<>();
        for (SourceRow row : table.rows()) {
            rows.add(withUnreadableText(RowReader.read(row, table.optional()), repair));
        }
        return new SourceBatch(provenance, rows, table.problems());
    }

    /** hocba-csv v1 when the first sheet's heading is canonical, else the chosen or recognised profile. */
    private Table layout(List<Sheet> sheets, ReadContext context, String kind) {
        if (!context.profileId().isEmpty()) {
            return profiles.byId(context.profileId()).map(p -> ProfileLayout.read(p, sheets, context)).orElse(null);
        }
        if (CanonicalLayout.recognises(sheets.get(0))) return CanonicalLayout.read(sheets.get(0), "hocba-csv v1");
        for (LayoutProfile p : profiles.all()) {
            if (sheets.stream().anyMatch(s -> ProfileLayout.recognises(p, s))) return ProfileLayout.read(p, sheets, context);
        }
        return null;
    }

    /** A row with a cell whose text stayed unreadable gets that problem (and is never stored). */
    private static PupilData withUnreadableText(PupilData row, CellText.Repair repair) {
        if (repair.unreadable().isEmpty()) return row;
        List<ImportProblem> extra = new ArrayList<>();
        for (Map.Entry<String, CellRef> e : row.cells().entrySet()) {
            if (repair.unreadable().contains(e.getValue().value())) {
                extra.add(ImportProblem.at(e.getValue(), e.getKey(), ImportProblemCode.TEXT_UNREADABLE, ""));
            }
        }
        if (extra.isEmpty()) return row;
        List<ImportProblem> all = new ArrayList<>(row.problems());
        all.addAll(extra);
        return new PupilData(row.at(), row.schoolCode(), row.schoolName(), row.year(), row.grade(), row.className(),
                row.homeroomTeacher(), row.pupil(), row.registrationNo(), row.admissionDate(), row.assessment(),
                row.statedResult(), row.cells(), all);
    }

    private SourceBatch refused(FileInput file, String kind, String encoding, ImportProblem problem) {
        return SourceBatch.refused(new Provenance(ID, file.fileName(), kind, encoding, clock.instant(),
                file.sha256()), List.of(problem));
    }
}
