package vn.hocba.signing.pades.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import vn.hocba.signing.SignerRole;

/** The signatures of a PDF in signing order, with the role each was made in (from our field names). */
final class PdfSignatures {

    /** Our signature fields are named {@code hocba-<ROLE>}; archive time-stamps {@code hocba-archive-<n>}. */
    static final String FIELD_PREFIX = "hocba-";
    static final COSName DOC_MDP = COSName.getPDFName("DocMDP");

    private PdfSignatures() {
    }

    /** One signature or document time-stamp. */
    record Entry(String fieldName, PDSignature signature, boolean documentTimestamp, SignerRole role, int[] byteRange) {

        /** Where the signed revision ends in the file. */
        long end() {
            return (long) byteRange[2] + byteRange[3];
        }
    }

    static String fieldName(SignerRole role) {
        return FIELD_PREFIX + role.name();
    }

    static List<Entry> list(PDDocument doc) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (PDSignatureField field : doc.getSignatureFields()) {
            PDSignature sig = field.getSignature();
            if (sig == null || sig.getByteRange() == null || sig.getByteRange().length != 4) {
                continue;
            }
            boolean ts = COSName.DOC_TIME_STAMP.equals(sig.getCOSObject().getCOSName(COSName.TYPE))
                    || "ETSI.RFC3161".equals(sig.getSubFilter());
            String name = field.getPartialName();
            entries.add(new Entry(name, sig, ts, ts ? null : roleOf(name, sig.getReason()), sig.getByteRange()));
        }
        entries.sort(Comparator.comparingLong(Entry::end));
        return entries;
    }

    /** The roles of the (non time-stamp) signatures, in order; {@code null} for signatures not made by hocba. */
    static List<SignerRole> roles(List<Entry> entries) {
        List<SignerRole> roles = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.documentTimestamp()) {
                roles.add(e.role());
            }
        }
        return roles;
    }

    static SignerRole roleOf(String fieldName, String reason) {
        if (fieldName != null && fieldName.startsWith(FIELD_PREFIX)) {
            try {
                return SignerRole.valueOf(fieldName.substring(FIELD_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                // not a role name: fall back to the reason
            }
        }
        return SignerRole.fromLabel(reason);
    }

    /** Whether the catalog's /Perms carries a DocMDP (certification) signature. */
    static boolean certified(PDDocument doc) {
        COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        return perms != null && perms.getDictionaryObject(DOC_MDP) != null;
    }

    /** The DocMDP permission (1–3) of a certification signature dictionary, or 0 if it has none. */
    static int docMdpPermission(PDSignature sig) {
        COSBase ref = sig.getCOSObject().getDictionaryObject(COSName.getPDFName("Reference"));
        if (ref instanceof COSArray array) {
            for (COSBase item : array) {
                COSBase o = item instanceof org.apache.pdfbox.cos.COSObject obj ? obj.getObject() : item;
                if (o instanceof COSDictionary d && DOC_MDP.equals(d.getCOSName(COSName.getPDFName("TransformMethod")))) {
                    COSDictionary params = d.getCOSDictionary(COSName.getPDFName("TransformParams"));
                    return params == null ? 2 : params.getInt(COSName.P, 2);
                }
            }
        }
        return 0;
    }
}
