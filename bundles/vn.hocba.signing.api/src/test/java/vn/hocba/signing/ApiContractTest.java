package vn.hocba.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.DigestAlgorithm;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignatureAlgorithm;
import vn.hocba.signing.spi.SignerRef;

class ApiContractTest {

    @Test
    void roleLabelsAreNfcAndOrdered() {
        for (SignerRole r : SignerRole.values()) {
            assertEquals(Normalizer.normalize(r.labelVi(), Normalizer.Form.NFC), r.labelVi());
            assertEquals(r, SignerRole.fromLabel(r.labelVi()));
            assertEquals(r, SignerRole.fromLabel(Normalizer.normalize(r.labelVi(), Normalizer.Form.NFD)));
        }
        assertTrue(SignerRole.HOMEROOM_TEACHER.step() < SignerRole.PRINCIPAL.step());
        assertEquals(SignerRole.PRINCIPAL.step(), SignerRole.DEPUTY_PRINCIPAL.step());
        assertTrue(SignerRole.DEPUTY_PRINCIPAL.step() < SignerRole.SCHOOL_SEAL.step());
    }

    @Test
    void signatureAlgorithmFollowsKeyAndDigest() {
        assertEquals(SignatureAlgorithm.RSA_SHA256, SignatureAlgorithm.of(KeyAlgorithm.RSA, DigestAlgorithm.SHA256));
        assertEquals(SignatureAlgorithm.ECDSA_SHA384, SignatureAlgorithm.of(KeyAlgorithm.EC, DigestAlgorithm.SHA384));
    }

    @Test
    void signRequestRejectsDigestsOfTheWrongLength() {
        SignerRef who = new SignerRef("31000001", "gv-01");
        assertThrows(IllegalArgumentException.class, () -> new SignRequest(who, "k", SignatureAlgorithm.RSA_SHA256,
                List.of(new byte[20]), Authorisation.none(), "Lớp 3A — 1 học bạ"));
        assertThrows(IllegalArgumentException.class, () -> new SignRequest(who, "k", SignatureAlgorithm.RSA_SHA256,
                List.of(), Authorisation.none(), "Lớp 3A — 0 học bạ"));
        SignRequest ok = new SignRequest(who, "k", SignatureAlgorithm.RSA_SHA256, List.of(new byte[32], new byte[32]),
                Authorisation.pin("1234".toCharArray()), "Lớp 3A — 2 học bạ");
        assertEquals(2, ok.size());
        assertEquals("Pin[****]", ok.authorisation().toString());
    }

    @Test
    void levelsCarryEtsiNames() {
        assertEquals("PAdES-BASELINE-LTA", BaselineLevel.B_LTA.etsiName(DocumentFormat.PDF));
        assertEquals("XAdES-BASELINE-T", BaselineLevel.B_T.etsiName(DocumentFormat.XML));
    }

    @Test
    void parametersRefuseLevelsAboveT() {
        SignerInfo who = new SignerInfo("Nguyễn Thị Hoa", SignerRole.HOMEROOM_TEACHER, null, null);
        assertThrows(IllegalArgumentException.class, () -> new SignatureParameters(who, null, List.of(new byte[1]),
                SignatureAlgorithm.RSA_SHA256, BaselineLevel.B_LT));
        assertEquals("Giáo viên chủ nhiệm", who.positionOrRole());
    }
}
