package vn.hocba.export.moet.internal;

import static vn.hocba.export.moet.internal.MoetNames.*;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import vn.hocba.export.Signatory;
import vn.hocba.model.AwardKind;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearOutcome;
import vn.hocba.model.YearRecord;
import vn.hocba.signing.SignerRole;

/**
 * Writes a record version as schema 1.0 XML: UTF-8, NFC, indented, no time stamps, so the same record and signatories
 * always give the same bytes. Subjects, traits and awards keep the record's order.
 */
final class MoetXmlWriter {

    /** The JDK's StAX, never whatever another bundle registered (woodstox in the host). */
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter w;
    private int depth;

    private MoetXmlWriter(XMLStreamWriter w) {
        this.w = w;
    }

    static byte[] write(YearRecord record, List<Signatory> signatories) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            new MoetXmlWriter(xml).record(record, signatories);
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the record XML", e);
        }
        return bytes.toByteArray();
    }

    private void record(YearRecord r, List<Signatory> signatories) throws XMLStreamException {
        w.writeCharacters("\n");
        w.writeStartElement(ROOT);
        w.writeDefaultNamespace(NAMESPACE);
        w.writeAttribute("phienbanluocdo", SCHEMA_VERSION);
        depth++;
        text("madinhdanhhocba", r.recordId());
        text("phienban", Integer.toString(r.version()));
        text("trangthaithongtinhocba", Integer.toString(r.state().nationalCode()));
        optional("masogd", r.school().province());
        optional("maphonggd", r.school().district());
        text("matruong", r.school().code());
        text("tentruong", r.school().name());
        text("namhoc", r.schoolClass().year().toString());
        text("makhoi", Integer.toString(r.schoolClass().grade()));
        text("tenlop", r.schoolClass().name());
        optional("hotengiaovienchunhiem", r.schoolClass().homeroomTeacher());
        pupil(r.pupil());
        for (StudyHistoryEntry h : r.history()) {
            history(h);
        }
        YearAssessment a = r.assessment();
        text("cokhuyettatkhongdanhgia", bool(a.disabledNotAssessed()));
        text("ladanhgiabosung", bool(a.supplementary()));
        for (SubjectResult s : a.subjects()) {
            subject(s);
        }
        for (TraitResult t : a.traits()) {
            start(TRAITS);
            text("manhom", t.trait().kind().nationalCode());
            text("maphamchatnangluc", t.trait().nationalCode());
            if (t.level() != null) text("mucdatduoc", t.level().nationalCode());
            optional("nhanxet", t.comment());
            end();
        }
        optional("nhanxetchung", a.generalComment());
        if (r.outcome() != null) {
            outcome(r);
        }
        for (String award : a.awards()) {
            start(AWARDS);
            text("maloaikhenthuong", AwardKind.of(award).nationalCode());
            text("noidungkhenthuong", award);
            end();
        }
        if (r.correction() != null) {
            start(CORRECTION);
            text("thaythephienban", Integer.toString(r.correction().replacesVersion()));
            text("lydodinhchinh", r.correction().reason());
            text("nguoipheduyet", r.correction().approvedBy());
            end();
        }
        optional("diadanhphathanh", r.place());
        date("ngayphathanh", r.issueDate());
        for (Signatory s : signatories) {
            if (s.role() == SignerRole.PRINCIPAL || s.role() == SignerRole.DEPUTY_PRINCIPAL) {
                text("chucvugiamhieu", s.positionOrRole());
                break;
            }
        }
        for (Signatory s : signatories) {
            start(SIGNERS);
            text("vaitroky", roleCode(s.role()));
            text("hoten", s.name());
            optional("chucvu", s.position());
            end();
        }
        depth--;
        w.writeCharacters("\n");
        w.writeEndElement();
    }

    private void pupil(PupilIdentity p) throws XMLStreamException {
        text("mahocsinh", p.pupilCode());
        optional("madinhdanhcanhan", p.personalId());
        text("hovaten", p.fullName());
        text("gioitinh", Integer.toString(p.sex().nationalCode()));
        date("ngaysinh", p.dateOfBirth());
        optional("dantoc", p.ethnicity());
        optional("quoctich", p.nationality());
        optional("noisinh", p.placeOfBirth());
        optional("quequan", p.homeTown());
        optional("diachi", p.address());
        optional("hotencha", p.fatherName());
        optional("hotenme", p.motherName());
        optional("hotennguoigiamho", p.guardianName());
    }

    private void history(StudyHistoryEntry h) throws XMLStreamException {
        start(HISTORY);
        text("namhoc", h.year().toString());
        if (h.grade() >= 1 && h.grade() <= 5) text("makhoi", Integer.toString(h.grade()));
        text("tenlop", h.className());
        optional("matruong", h.schoolCode());
        text("tentruong", h.schoolName());
        optional("sodangbo", h.registrationNo());
        date("ngaynhaphoc", h.admissionDate());
        end();
    }

    private void subject(SubjectResult s) throws XMLStreamException {
        start(SUBJECTS);
        text("mamonhoc", s.subject().nationalCode());
        if (s.level() != null) text("mucdatduoc", s.level().nationalCode());
        List<Integer> scores = s.scores();
        if (!scores.isEmpty()) {
            text("diemktdkcuoinam", Integer.toString(scores.get(scores.size() - 1)));
            for (Integer earlier : scores.subList(0, scores.size() - 1)) {
                text("diemtruockiemtralai", Integer.toString(earlier));
            }
        }
        optional("nhanxet", s.comment());
        optional("lydomien", s.exemptReason());
        end();
    }

    private void outcome(YearRecord r) throws XMLStreamException {
        YearOutcome o = r.outcome();
        start(RESULT);
        if (r.effectiveResult() != null) text("ketquadanhgia", r.effectiveResult().nationalCode());
        if (r.override() != null && o.result() != null) text("ketquatheoquydinh", o.result().nationalCode());
        text("codieuchinhketqua", bool(r.override() != null));
        text("dahthanhctrinhlophoc", bool(o.completedGrade()));
        text("dahthanhctrinhtieuhoc", bool(o.completedPrimary()));
        text("dudieukienhocsinhxuatsac", bool(o.excellentPupilEligible()));
        optional("duoclenlop", o.promotion().nationalCode());
        optional("huongxuly", o.followUp().nationalCode());
        end();
    }

    private void start(String name) throws XMLStreamException {
        indent();
        w.writeStartElement(name);
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        indent();
        w.writeEndElement();
    }

    private void text(String name, String value) throws XMLStreamException {
        indent();
        w.writeStartElement(name);
        w.writeCharacters(Normalizer.normalize(value, Normalizer.Form.NFC));
        w.writeEndElement();
    }

    private void optional(String name, String value) throws XMLStreamException {
        if (value != null && !value.isEmpty()) text(name, value);
    }

    private void date(String name, LocalDate value) throws XMLStreamException {
        if (value != null) text(name, value.toString());
    }

    private void indent() throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }
}
