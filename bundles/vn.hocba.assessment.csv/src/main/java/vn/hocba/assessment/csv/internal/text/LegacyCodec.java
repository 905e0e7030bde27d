package vn.hocba.assessment.csv.internal.text;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The legacy Vietnamese 8-bit encodings, both ways: TCVN3 (ABC), one byte per letter, and VNI-Windows, a base
 * letter followed by a diacritic byte. Bytes that are no letter read as Windows-1252 (what a Western font shows), so
 * a wrong guess yields symbols the syllable check rejects.
 *
 * <p>ABC fonts have no capital toned letters: a capital font (.VnTimeH) shows the lowercase codes as capitals, so a
 * file written that way holds lowercase codes. Decoding gives such a letter the case of its word: capital when the
 * word's other letters are all capitals ("NGUYÔN" → "NGUYỄN").
 */
public enum LegacyCodec {
    TCVN3("TCVN3 (ABC)"),
    VNI("VNI-Windows");

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final char[] CP1252_CHARS = new char[256];
    private static final java.util.Map<Character, Byte> CP1252_BYTES = new java.util.HashMap<>();

    static {
        for (int b = 0; b < 256; b++) {
            String s = new String(new byte[] { (byte) b }, CP1252);
            char c = s.length() == 1 && s.charAt(0) != '\uFFFD' ? s.charAt(0) : (char) b;
            CP1252_CHARS[b] = c;
            CP1252_BYTES.put(c, (byte) b);
            CP1252_BYTES.putIfAbsent((char) b, (byte) b); // C1 controls as Latin-1 tools write them
        }
    }

    private final String label;

    LegacyCodec(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String decode(LetterTable t, byte[] bytes) {
        return this == TCVN3 ? decodeTcvn3(t, bytes) : decodeVni(t, bytes);
    }

    /** The bytes a legacy editor would have written; a character with no code becomes {@code ?}. */
    public byte[] encode(LetterTable t, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        java.util.Map<Character, byte[]> map = this == TCVN3 ? t.tcvn3Encode : t.vniEncode;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            byte[] b = map.get(c);
            if (b != null) out.write(b, 0, b.length);
            else out.write(c < 0x80 ? c : '?');
        }
        return out.toByteArray();
    }

    /**
     * The bytes behind text that a Windows-1252 (Western) program decoded from a legacy file or font, e.g.
     * "Tr­êng" for TCVN3 "Trường"; null when some character has no Windows-1252 byte (so it is not such text).
     */
    public static byte[] cp1252Bytes(String text) {
        byte[] out = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            Byte b = CP1252_BYTES.get(text.charAt(i));
            if (b == null) return null;
            out[i] = b;
        }
        return out;
    }

    /** Strict UTF-8, or null when the bytes are not UTF-8. */
    public static String utf8OrNull(byte[] bytes, int offset) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decodeTcvn3(LetterTable t, byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length);
        boolean[] caseFromContext = new boolean[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            char c = t.tcvn3Decode[b];
            if (c != 0 && (b >= 0x80 || b < 0x20)) {
                caseFromContext[sb.length()] = t.tcvn3CaseFromContext[b];
                sb.append(c);
            } else if (b >= 0xB0 && b <= 0xB4) {
                sb.append("\u0300\u0309\u0303\u0301\u0323".charAt(b - 0xB0)); // TCVN 5712 VN1 combining tones
            } else {
                sb.append(b < 0x80 ? (char) b : CP1252_CHARS[b]);
            }
        }
        return capitaliseInCapitalWords(sb, caseFromContext);
    }

    /**
     * ABC fonts have no capital toned letter, so their lowercase codes stand for capitals too. Such a letter is a
     * capital when the other letters of its word are all capitals ("NGUYÔN" → "NGUYỄN"), or when it starts a word
     * whose neighbours in the same field start with a capital ("TrÇn H÷u ¸nh" → "Trần Hữu Ánh").
     */
    private static String capitaliseInCapitalWords(StringBuilder sb, boolean[] caseFromContext) {
        int n = sb.length();
        java.util.List<int[]> words = new java.util.ArrayList<>();
        int start = 0;
        while (start < n) {
            while (start < n && !Character.isLetter(sb.charAt(start))) start++;
            int end = start;
            while (end < n && Character.isLetter(sb.charAt(end))) end++;
            if (end > start) words.add(new int[] { start, end });
            start = end;
        }
        for (int w = 0; w < words.size(); w++) {
            int s = words.get(w)[0];
            int e = words.get(w)[1];
            int upper = 0;
            int lower = 0;
            for (int i = s; i < e; i++) {
                if (caseFromContext[i]) continue;
                if (Character.isUpperCase(sb.charAt(i))) upper++;
                else lower++;
            }
            // "NGUYÔN" is a capital word; "§ç" alone could be "Đỗ" or "ĐỖ": its neighbours decide
            boolean capitalWord = lower == 0 && (upper >= 2 || (upper == 1 && capitalWords(sb, caseFromContext, words, w)));
            if (capitalWord) {
                for (int i = s; i < e; i++) {
                    if (caseFromContext[i]) sb.setCharAt(i, Character.toUpperCase(sb.charAt(i)));
                }
            } else if (caseFromContext[s] && capitalNeighbours(sb, words, w)) {
                sb.setCharAt(s, Character.toUpperCase(sb.charAt(s)));
            }
        }
        return sb.toString();
    }

    /** The neighbouring words in the same field are written all in capitals (and there is one). */
    private static boolean capitalWords(StringBuilder sb, boolean[] caseFromContext, java.util.List<int[]> words,
            int w) {
        boolean any = false;
        for (int other : new int[] { w - 1, w + 1 }) {
            if (other < 0 || other >= words.size() || !sameField(sb, words.get(w), words.get(other))) continue;
            int upper = 0;
            for (int i = words.get(other)[0]; i < words.get(other)[1]; i++) {
                if (caseFromContext[i]) continue;
                if (!Character.isUpperCase(sb.charAt(i))) return false;
                upper++;
            }
            if (upper >= 2) any = true;
        }
        return any;
    }

    private static boolean sameField(StringBuilder sb, int[] a, int[] b) {
        int from = Math.min(a[1], b[1]);
        int to = Math.max(a[0], b[0]);
        for (int i = from; i < to; i++) if (",;\"\t\r\n.:".indexOf(sb.charAt(i)) >= 0) return false;
        return true;
    }

    /** The words before and after (those in the same field: no comma, quote, tab or line between) start capital. */
    private static boolean capitalNeighbours(StringBuilder sb, java.util.List<int[]> words, int w) {
        boolean any = false;
        for (int other : new int[] { w - 1, w + 1 }) {
            if (other < 0 || other >= words.size() || !sameField(sb, words.get(w), words.get(other))) continue;
            if (!Character.isUpperCase(sb.charAt(words.get(other)[0]))) return false;
            any = true;
        }
        return any;
    }

    private static String decodeVni(LetterTable t, byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (i + 1 < bytes.length) {
                int next = bytes[i + 1] & 0xFF;
                Character pair = t.vniDecode.get(b << 8 | next);
                if (pair == null && b >= 'A' && b <= 'Z') {
                    // a capital base with a lowercase diacritic byte (typed with Caps Lock): a capital letter
                    Character lower = t.vniDecode.get(Character.toLowerCase(b) << 8 | next);
                    if (lower != null) pair = Character.toUpperCase(lower);
                }
                if (pair != null) {
                    sb.append(pair.charValue());
                    i++;
                    continue;
                }
            }
            Character single = b >= 0x80 ? t.vniDecode.get(b) : null;
            if (single != null) sb.append(single.charValue());
            else sb.append(b < 0x80 ? (char) b : CP1252_CHARS[b]);
        }
        return sb.toString();
    }
}
