package vn.hocba.render.fop.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import vn.hocba.model.PupilIdentity;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearOutcome;
import vn.hocba.model.YearRecord;

/**
 * Writes a {@link YearRecord} as the documented record XML, namespace {@value #NAMESPACE}, schema
 * {@code /schema/record-1.xsd} in this bundle. It is both the input of the templates and, until the national
 * export schema exists, the data attached to the PDF.
 * <p>
 * The same record always gives the same bytes (UTF-8, NFC, no time stamps), so its SHA-256 is stable.
 * Every coded value carries its national code and, next to it, the Vietnamese label printed on the form.
 * Subjects come in {@link vn.hocba.model.Subject} order and traits in {@link Trait} order; the teacher's
 * override reason is deliberately absent (it belongs to the audit trail only), the stated result is the
 * effective one.
 */
public final class RecordXml {

    public static final String NAMESPACE = "urn:hocba:record:1";
    public static final String FILE_NAME = "hocba-record.xml";
    public static final String MIME_TYPE = "application/xml";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private RecordXml() {}

    public static byte[] write(YearRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
            Writer out = new Writer(w);
            w.writeStartDocument("UTF-8", "1.0");
            out.record(record);
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the record XML", e);
        }
        return bytes.toByteArray();
    }

    /** The XML as text, for tests and logs. */
    public static String toText(YearRecord record) {
        return new String(write(record), StandardCharsets.UTF_8);
    }

    /** A thin layer over StAX that indents and leaves out empty optional attributes. */
    private static final class Writer {
        private final XMLStreamWriter w;
        private int depth;

        Writer(XMLStreamWriter w) { this.w = w; }

        void record(YearRecord r) throws XMLStreamException {
            start("record");
            w.writeDefaultNamespace(NAMESPACE);
            attr("schemaVersion", "1");
            attr("id", r.recordId());
            attr("version", Integer.toString(r.version()));
            attr("state", r.state().name());
            attr("stateCode", Integer.toString(r.state().nationalCode()));
            attr("stateLabel", r.state().label());

            empty("school", "code", r.school().code(), "name", r.school().name(), "district", r.school().district(),
                    "province", r.school().province());
            empty("class", "schoolYear", r.schoolClass().year().toString(), "grade",
                    Integer.toString(r.schoolClass().grade()), "name", r.schoolClass().name(), "homeroomTeacher",
                    r.schoolClass().homeroomTeacher());
            pupil(r.pupil());
            history(r.history());
            assessment(r.assessment());
            outcome(r);
            if (r.correction() != null) {
                start("correction");
                attr("replacesVersion", Integer.toString(r.correction().replacesVersion()));
                attr("approvedBy", r.correction().approvedBy());
                text("reason", r.correction().reason());
                end();
            }
            empty("issue", "place", r.place(), "date", date(r.issueDate()));
            end();
        }

        private void pupil(PupilIdentity p) throws XMLStreamException {
            start("pupil");
            attr("code", p.pupilCode());
            attr("personalId", p.personalId());
            text("fullName", p.fullName());
            start("sex");
            attr("code", Integer.toString(p.sex().nationalCode()));
            w.writeCharacters(p.sex().label());
            w.writeEndElement();
            depth--;
            text("dateOfBirth", date(p.dateOfBirth()));
            text("ethnicity", p.ethnicity());
            text("nationality", p.nationality());
            text("placeOfBirth", p.placeOfBirth());
            text("homeTown", p.homeTown());
            text("address", p.address());
            text("fatherName", p.fatherName());
            text("motherName", p.motherName());
            text("guardianName", p.guardianName());
            end();
        }

        private void history(List<StudyHistoryEntry> entries) throws XMLStreamException {
            start("history");
            for (StudyHistoryEntry e : entries.stream()
                    .sorted(Comparator.comparing(StudyHistoryEntry::year).thenComparingInt(StudyHistoryEntry::grade))
                    .toList()) {
                start("entry");
                attr("schoolYear", e.year().toString());
                attr("grade", Integer.toString(e.grade()));
                attr("class", e.className());
                attr("schoolCode", e.schoolCode());
                attr("registrationNo", e.registrationNo());
                attr("admissionDate", date(e.admissionDate()));
                w.writeCharacters(e.schoolName());
                w.writeEndElement();
                depth--;
            }
            end();
        }

        private void assessment(YearAssessment a) throws XMLStreamException {
            start("assessment");
            attr("grade", Integer.toString(a.grade()));
            attr("disabledNotAssessed", Boolean.toString(a.disabledNotAssessed()));
            attr("supplementary", Boolean.toString(a.supplementary()));
            start("subjects");
            for (SubjectResult s : a.subjects().stream().sorted(Comparator.comparing(SubjectResult::subject)).toList()) {
                start("subject");
                attr("code", s.subject().nationalCode());
                attr("label", s.subject().label());
                if (s.level() != null) {
                    attr("level", s.level().nationalCode());
                    attr("levelLabel", s.level().label());
                }
                s.finalScore().ifPresent(score -> attrUnchecked("score", Integer.toString(score)));
                if (s.scores().size() > 1) {
                    attr("scores", s.scores().stream().map(String::valueOf).collect(Collectors.joining(" ")));
                }
                attr("exempt", Boolean.toString(s.isExempt()));
                text("comment", s.comment());
                text("exemptReason", s.exemptReason());
                end();
            }
            end();
            start("traits");
            for (TraitResult t : a.traits().stream().sorted(Comparator.comparing(TraitResult::trait)).toList()) {
                start("trait");
                attr("code", t.trait().nationalCode());
                attr("kind", t.trait().kind().nationalCode());
                attr("kindLabel", t.trait().kind().label());
                attr("label", t.trait().label());
                if (t.level() != null) {
                    attr("level", t.level().nationalCode());
                    attr("levelLabel", t.level().label());
                }
                text("comment", t.comment());
                end();
            }
            end();
            start("awards");
            for (String award : a.awards()) text("award", award);
            end();
            text("generalComment", a.generalComment());
            end();
        }

        private void outcome(YearRecord r) throws XMLStreamException {
            YearOutcome o = r.outcome();
            YearEndResult result = r.effectiveResult();
            if (o == null && result == null) return;
            boolean grade5 = r.schoolClass().grade() == 5;
            // An override changes the stated result, so completion follows it; otherwise the derived flags stand.
            boolean completedGrade = r.override() != null ? result.completesGrade() : o.completedGrade();
            boolean completedPrimary = r.override() != null ? completedGrade && grade5 : o.completedPrimary();
            empty("outcome");
            if (result != null) {
                attr("result", result.nationalCode());
                attr("resultLabel", result.label());
            }
            attr("completedGrade", Boolean.toString(completedGrade));
            attr("completedPrimary", Boolean.toString(completedPrimary));
            if (o != null) {
                attr("promotion", o.promotion().name());
                attr("promotionCode", o.promotion().nationalCode());
                attr("promotionLabel", o.promotion().label());
                attr("followUp", o.followUp().name());
                attr("followUpLabel", o.followUp().label());
            }
        }

        private void start(String name) throws XMLStreamException {
            indent();
            w.writeStartElement("", name, NAMESPACE);
            depth++;
        }

        private void end() throws XMLStreamException {
            depth--;
            indent();
            w.writeEndElement();
        }

        private void empty(String name, String... attrs) throws XMLStreamException {
            indent();
            w.writeEmptyElement("", name, NAMESPACE);
            for (int i = 0; i < attrs.length; i += 2) attr(attrs[i], attrs[i + 1]);
        }

        private void text(String name, String value) throws XMLStreamException {
            if (value == null || value.isEmpty()) return;
            indent();
            w.writeStartElement("", name, NAMESPACE);
            w.writeCharacters(value);
            w.writeEndElement();
        }

        private void attr(String name, String value) throws XMLStreamException {
            if (value != null && !value.isEmpty()) w.writeAttribute(name, value);
        }

        private void attrUnchecked(String name, String value) {
            try {
                attr(name, value);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        private void indent() throws XMLStreamException {
            w.writeCharacters("\n");
            for (int i = 0; i < depth; i++) w.writeCharacters("  ");
        }
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
