package vn.hocba.assessment.csv.internal.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LegacyEncodingsTest {
    private static final LetterTable TABLE = new LetterTable();
    private static final Syllables SYLLABLES = new Syllables(TABLE);
    private static final TextDecoder DECODER = new TextDecoder(SYLLABLES);
    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** a ă â e ê i o ô ơ u ư y with no tone and the five tones, and đ: 67 letters, in both cases. */
    static List<String> everyLetter(boolean upper) {
        List<String> out = new ArrayList<>();
        for (String base : List.of("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")) {
            for (String tone : List.of("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")) {
                String l = Normalizer.normalize(base + tone, Normalizer.Form.NFC);
                out.add(upper ? l.toUpperCase(java.util.Locale.ROOT) : l);
            }
        }
        out.add(upper ? "Đ" : "đ");
        return out;
    }

    @Test
    void theTableHasEveryVietnameseLetterInBothCases() {
        List<String> all = new ArrayList<>(everyLetter(false));
        all.addAll(everyLetter(true));
        assertEquals(146, all.size());
        for (String l : all) assertTrue(TABLE.isLetter(l.charAt(0)), l);
    }

    @Test
    void everyLetterRoundTripsThroughTcvn3AndVniInBothCases() {
        for (LegacyCodec codec : LegacyCodec.values()) {
            for (boolean upper : new boolean[] { false, true }) {
                for (String l : everyLetter(upper)) {
                    // in a word of its case: an ABC capital is written with the lowercase code, its word tells the case
                    String word = upper ? "NG" + l + "N" : "ng" + l + "n";
                    byte[] bytes = codec.encode(TABLE, word);
                    assertEquals(word, codec.decode(TABLE, bytes), codec + " " + l);
                    String start = upper ? "TH" + l : l; // a capital word needs two capitals to be told
                    assertEquals(start, codec.decode(TABLE, codec.encode(TABLE, start)), codec + " " + start);
                }
            }
        }
    }

    @Test
    void everyLetterInNfdAndInWindows1258ComesBackAsNfc() {
        for (boolean upper : new boolean[] { false, true }) {
            for (String l : everyLetter(upper)) {
                String nfd = Normalizer.normalize(l, Normalizer.Form.NFD);
                TextDecoder.Decoded d = DECODER.decode(nfd.getBytes(StandardCharsets.UTF_8));
                assertEquals(l, d.text(), "NFD " + l);
                String cp1258 = Normalizer.normalize(new String(cp1258(l), Charset.forName("windows-1258")),
                        Normalizer.Form.NFC);
                assertEquals(l, cp1258, "Windows-1258 " + l);
            }
        }
    }

    @Test
    void knownLegacySpellings() {
        assertEquals("Tr­êng TiÓu häc An Th¾ng", cp1252(LegacyCodec.TCVN3.encode(TABLE, "Trường Tiểu học An Thắng")));
        assertEquals("Tröôøng Tieåu hoïc An Thaéng", cp1252(LegacyCodec.VNI.encode(TABLE, "Trường Tiểu học An Thắng")));
        assertEquals("§Æng ThÞ HiÕu", cp1252(LegacyCodec.TCVN3.encode(TABLE, "Đặng Thị Hiếu")));
        assertEquals("Ñaëng Thò Hieáu", cp1252(LegacyCodec.VNI.encode(TABLE, "Đặng Thị Hiếu")));
        // a .VnTimeH heading: capitals written with lowercase codes
        assertEquals("TRƯỜNG TIỂU HỌC", LegacyCodec.TCVN3.decode(TABLE, "TR¦êNG TIÓU HäC".getBytes(CP1252)));
        // a capital toned initial in a name written with the lowercase code
        assertEquals("Trần Hữu Ánh", LegacyCodec.TCVN3.decode(TABLE, "TrÇn H÷u ¸nh".getBytes(CP1252)));
        // TCVN 5712 VN1 capitals are read too
        assertEquals("Ánh", LegacyCodec.TCVN3.decode(TABLE, new byte[] { (byte) 0x83, 'n', 'h' }));
        // VNI typed with Caps Lock: capital base, lowercase diacritic
        assertEquals("ĐẠI HỌC", LegacyCodec.VNI.decode(TABLE, "ÑAÏI HOÏC".getBytes(CP1252)));
    }

    @Test
    void aFileInEachEncodingIsRecognisedAndConverted() {
        String text = "full_name,address,comment\r\nTrần Hữu Ánh,\"Thôn 4, xã An Thắng, Hải Phòng\","
                + "\"Nắm vững kiến thức, vận dụng tốt.\"\r\nĐỗ Minh Nguyệt,\"Thôn 3, xã An Thắng\",Hoàn thành các yêu cầu "
                + "của bài học.\r\nPhạm Thuỳ Yến,Kiến Thụy,Chăm ngoan; tích cực tham gia hoạt động của lớp.\r\n";
        TextDecoder.Decoded tcvn3 = DECODER.decode(LegacyCodec.TCVN3.encode(TABLE, text));
        assertEquals(text, tcvn3.text());
        assertEquals("TCVN3 (ABC) → Unicode NFC", tcvn3.encoding());
        TextDecoder.Decoded vni = DECODER.decode(LegacyCodec.VNI.encode(TABLE, text));
        assertEquals(text, vni.text());
        assertEquals("VNI-Windows → Unicode NFC", vni.encoding());
        TextDecoder.Decoded nfd = DECODER.decode(Normalizer.normalize(text, Normalizer.Form.NFD)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(text, nfd.text());
        assertEquals("UTF-8, NFD → NFC", nfd.encoding());
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertEquals(text, DECODER.decode(bom).text());
        TextDecoder.Decoded cp1258 = DECODER.decode(cp1258(text));
        assertEquals(text, cp1258.text());
        assertEquals("Windows-1258 → Unicode NFC", cp1258.encoding());
    }

    @Test
    void aFileWhoseEncodingCannotBeToldIsRefused() {
        TextDecoder.Decoded latin1 = DECODER.decode(("nom,ville\nFrançoise Müller,Besançon\nJérôme Dœuf,Orléans\n"
                + "Hélène Brûlé,Saint-Étienne\n").getBytes(StandardCharsets.ISO_8859_1));
        assertFalse(latin1.ok());
        assertTrue(latin1.refusalEn().contains("not Vietnamese"), latin1.refusalEn());
        byte[] noise = new byte[2000];
        new java.util.Random(7).nextBytes(noise);
        assertFalse(DECODER.decode(noise).ok());
    }

    @Test
    void mojibakeCellsOfAUnicodeFileAreRepairedCellByCell() {
        CellText cells = new CellText(SYLLABLES);
        String tcvn3Cell = cp1252(LegacyCodec.TCVN3.encode(TABLE, "Trường Tiểu học An Thắng"));
        String vniCell = cp1252(LegacyCodec.VNI.encode(TABLE, "Nguyễn Thị Phúc"));
        String utf8AsCp1252 = new String("Hoàn thành tốt".getBytes(StandardCharsets.UTF_8), CP1252);
        CellText.Repair r = cells.repair(List.of("Phạm Thị Lan", tcvn3Cell, vniCell, utf8AsCp1252, "Müller",
                "Lã Văn Tú", "H¶i Phßng ★"));
        assertEquals("Trường Tiểu học An Thắng", r.apply(tcvn3Cell));
        assertEquals("Nguyễn Thị Phúc", r.apply(vniCell));
        assertEquals("Hoàn thành tốt", r.apply(utf8AsCp1252));
        assertEquals("Müller", r.apply("Müller"), "a foreign name stays as typed");
        assertEquals("Lã Văn Tú", r.apply("Lã Văn Tú"), "Unicode text is never re-read");
        assertEquals("Phạm Thị Lan", r.apply("Phạm Thị Lan"));
        assertTrue(r.label().contains("TCVN3"), r.label());
        assertEquals(java.util.Set.of("H¶i Phßng ★"), r.unreadable(), "no legacy font has ★: mojibake of no known kind");
    }

    @Test
    void aWholeSheetInTcvn3FontsIsReadAsTcvn3() {
        CellText cells = new CellText(SYLLABLES);
        List<String> sheet = new ArrayList<>();
        for (String s : List.of("Trần Hữu Ánh", "Lê Thị Hồng", "Lý Văn Tú", "Hoàn thành tốt", "Tốt", "Đạt")) {
            sheet.add(cp1252(LegacyCodec.TCVN3.encode(TABLE, s)));
        }
        CellText.Repair r = cells.repair(sheet);
        assertEquals("Lý Văn Tú", r.apply(sheet.get(2)));
        assertEquals("Trần Hữu Ánh", r.apply(sheet.get(0)));
        assertEquals("Đạt", r.apply(sheet.get(5)));
        assertTrue(r.unreadable().isEmpty());
    }

    @Test
    void syllablesAreToldFromMojibake() {
        assertEquals(Syllables.Kind.SYLLABLE, SYLLABLES.classify("nghiêng"));
        assertEquals(Syllables.Kind.SYLLABLE, SYLLABLES.classify("Khuỷu"));
        assertEquals(Syllables.Kind.SYLLABLE, SYLLABLES.classify("quốc"));
        assertEquals(Syllables.Kind.LETTERS, SYLLABLES.classify("Mlô"), "an Ê Đê name: Vietnamese letters");
        assertEquals(Syllables.Kind.LETTERS, SYLLABLES.classify("tèt"), "huyền before a stop is not Vietnamese");
        assertEquals(Syllables.Kind.FOREIGN, SYLLABLES.classify("Müller"));
        assertEquals(Syllables.Kind.INVALID, SYLLABLES.classify("Tr­êng"));
        assertEquals(Syllables.Kind.INVALID, SYLLABLES.classify("H¶i"));
        assertNull(Interpretation.TCVN3_FONT.apply(TABLE, "Hải"), "ả has no Windows-1252 byte: not legacy text");
    }

    @Test
    void theTcvn3EncoderWritesAbcCodes() {
        assertArrayEquals(new byte[] { (byte) 0xB8, 'n', 'h' }, LegacyCodec.TCVN3.encode(TABLE, "Ánh"));
        assertArrayEquals(new byte[] { 'A', (byte) 0xD9 }, LegacyCodec.VNI.encode(TABLE, "Á"));
    }

    /** Windows-1258 writes a toned letter as its base (â, ơ… are precomposed) followed by a combining tone byte. */
    private static byte[] cp1258(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder();
            StringBuilder tone = new StringBuilder();
            for (char x : d.toCharArray()) ("\u0300\u0301\u0303\u0309\u0323".indexOf(x) >= 0 ? tone : base).append(x);
            sb.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tone);
        }
        return sb.toString().getBytes(Charset.forName("windows-1258"));
    }

    private static String cp1252(byte[] b) {
        return new String(b, CP1252);
    }
}
