package vn.hocba.export.moet.internal;

import static vn.hocba.export.moet.internal.MoetNames.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import vn.hocba.export.Signatory;
import vn.hocba.export.spi.ParsedRecord;
import vn.hocba.model.FollowUp;
import vn.hocba.model.Promotion;
import vn.hocba.model.PupilIdentity;
import vn.hocba.model.RecordState;
import vn.hocba.model.ResultOverride;
import vn.hocba.model.School;
import vn.hocba.model.SchoolClass;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.Sex;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.Subject;
import vn.hocba.model.SubjectLevel;
import vn.hocba.model.SubjectResult;
import vn.hocba.model.Trait;
import vn.hocba.model.TraitLevel;
import vn.hocba.model.TraitResult;
import vn.hocba.model.YearAssessment;
import vn.hocba.model.YearEndResult;
import vn.hocba.model.YearOutcome;
import vn.hocba.model.YearRecord;

/**
 * Reads a schema-valid 1.0 XML back into a record version (the caller validated it first). ds:Signature elements
 * are ignored here; they are verified by the signing engine.
 */
final class MoetXmlReader {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private MoetXmlReader() {}

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static ParsedRecord read(byte[] xml) {
        Element root = parse(xml).getDocumentElement();
        School school = new School(text(root, "matruong"), text(root, "tentruong"), text(root, "maphonggd"),
                text(root, "masogd"));
        int grade = Integer.parseInt(text(root, "makhoi"));
        SchoolClass schoolClass = new SchoolClass(school.code(), SchoolYear.parse(text(root, "namhoc")), grade,
                text(root, "tenlop"), text(root, "hotengiaovienchunhiem"));
        PupilIdentity pupil = new PupilIdentity(text(root, "mahocsinh"), text(root, "madinhdanhcanhan"),
                text(root, "hovaten"), Sex.ofNationalCode(Integer.parseInt(text(root, "gioitinh"))),
                date(root, "ngaysinh"), text(root, "dantoc"), text(root, "quoctich"), text(root, "noisinh"),
                text(root, "quequan"), text(root, "diachi"), text(root, "hotencha"), text(root, "hotenme"),
                text(root, "hotennguoigiamho"));

        List<StudyHistoryEntry> history = new ArrayList<>();
        for (Element h : children(root, HISTORY)) {
            String g = text(h, "makhoi");
            history.add(new StudyHistoryEntry(SchoolYear.parse(text(h, "namhoc")), g.isEmpty() ? 0 : Integer.parseInt(g),
                    text(h, "tenlop"), text(h, "matruong"), text(h, "tentruong"), text(h, "sodangbo"),
                    date(h, "ngaynhaphoc")));
        }
        List<SubjectResult> subjects = new ArrayList<>();
        for (Element s : children(root, SUBJECTS)) {
            List<Integer> scores = new ArrayList<>();
            for (Element earlier : children(s, "diemtruockiemtralai")) scores.add(Integer.parseInt(content(earlier)));
            String last = text(s, "diemktdkcuoinam");
            if (!last.isEmpty()) scores.add(Integer.parseInt(last));
            String level = text(s, "mucdatduoc");
            subjects.add(new SubjectResult(Subject.ofCode(text(s, "mamonhoc")),
                    level.isEmpty() ? null : SubjectLevel.ofCode(level), scores, text(s, "nhanxet"),
                    text(s, "lydomien")));
        }
        List<TraitResult> traits = new ArrayList<>();
        for (Element t : children(root, TRAITS)) {
            String level = text(t, "mucdatduoc");
            traits.add(new TraitResult(Trait.ofCode(text(t, "maphamchatnangluc")),
                    level.isEmpty() ? null : TraitLevel.ofCode(level), text(t, "nhanxet")));
        }
        List<String> awards = children(root, AWARDS).stream().map(a -> text(a, "noidungkhenthuong")).toList();
        YearAssessment assessment = new YearAssessment(grade, flag(root, "cokhuyettatkhongdanhgia"), subjects, traits,
                awards, text(root, "nhanxetchung"), flag(root, "ladanhgiabosung"));

        LocalDate issueDate = date(root, "ngayphathanh");
        YearOutcome outcome = null;
        ResultOverride override = null;
        Element result = child(root, RESULT);
        if (result != null) {
            boolean overridden = flag(result, "codieuchinhketqua");
            YearEndResult stated = result(result, "ketquadanhgia");
            YearEndResult derived = overridden ? result(result, "ketquatheoquydinh") : stated;
            String promotion = text(result, "duoclenlop");
            String followUp = text(result, "huongxuly");
            outcome = new YearOutcome(derived, flag(result, "dahthanhctrinhlophoc"),
                    flag(result, "dahthanhctrinhtieuhoc"), flag(result, "dudieukienhocsinhxuatsac"),
                    promotion.isEmpty() ? Promotion.UNDECIDED : promotion.equals("1") ? Promotion.PROMOTED
                            : Promotion.REPEAT,
                    followUp.isEmpty() ? FollowUp.NONE : followUpOf(followUp));
            if (overridden && stated != null) {
                override = new ResultOverride(stated, OVERRIDE_NOTE, "school:" + school.code(),
                        issueDate == null ? java.time.Instant.EPOCH : issueDate.atStartOfDay(VIETNAM).toInstant());
            }
        }
        YearRecord.Correction correction = null;
        Element c = child(root, CORRECTION);
        if (c != null) {
            correction = new YearRecord.Correction(Integer.parseInt(text(c, "thaythephienban")),
                    text(c, "lydodinhchinh"), text(c, "nguoipheduyet"));
        }
        YearRecord record = new YearRecord(text(root, "madinhdanhhocba"), Integer.parseInt(text(root, "phienban")),
                stateOf(Integer.parseInt(text(root, "trangthaithongtinhocba"))), school, schoolClass, pupil, history,
                assessment, outcome, override, correction, text(root, "diadanhphathanh"), issueDate);

        List<Signatory> signatories = children(root, SIGNERS).stream()
                .map(s -> new Signatory(roleOf(text(s, "vaitroky")), text(s, "hoten"), text(s, "chucvu")))
                .toList();
        return new ParsedRecord(record, signatories);
    }

    private static RecordState stateOf(int code) {
        for (RecordState s : RecordState.values()) {
            if (s.nationalCode() == code) return s;
        }
        throw new IllegalArgumentException("no record state with code " + code);
    }

    private static FollowUp followUpOf(String code) {
        for (FollowUp f : FollowUp.values()) {
            if (f.nationalCode().equals(code)) return f;
        }
        throw new IllegalArgumentException("no follow-up with code " + code);
    }

    private static YearEndResult result(Element parent, String name) {
        String code = text(parent, name);
        return code.isEmpty() ? null : YearEndResult.ofCode(code);
    }

    private static boolean flag(Element parent, String name) {
        return "1".equals(text(parent, name));
    }

    private static LocalDate date(Element parent, String name) {
        String t = text(parent, name);
        return t.isEmpty() ? null : LocalDate.parse(t);
    }

    /** The text of the first child element with that name, NFC, or empty. */
    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : content(e);
    }

    private static String content(Element e) {
        return Normalizer.normalize(e.getTextContent().strip(), Normalizer.Form.NFC);
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> all = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                all.add(e);
            }
        }
        return all;
    }
}
