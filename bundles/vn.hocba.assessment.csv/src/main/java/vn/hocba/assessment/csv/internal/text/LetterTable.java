package vn.hocba.assessment.csv.internal.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Vietnamese letters and their legacy byte codes, read from {@code vietnamese-letters.tsv} (data, not code):
 * what TCVN3 (ABC) and VNI-Windows write for each letter, and what each byte sequence reads back as.
 */
public final class LetterTable {
    private static final String RESOURCE = "vietnamese-letters.tsv";

    /** The five tone marks as combining characters: huyền, sắc, hỏi, ngã, nặng. */
    static final String TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323";

    final Set<Character> letters = new HashSet<>();
    /** TCVN3 byte → letter; the lowercase codes give lowercase letters (case comes from the word, see LegacyCodec). */
    final char[] tcvn3Decode = new char[256];
    /** Bytes whose letter is lowercase in TCVN3 but is written for the capital too (.VnTimeH fonts). */
    final boolean[] tcvn3CaseFromContext = new boolean[256];
    final Map<Character, byte[]> tcvn3Encode = new HashMap<>();
    /** VNI one- and two-byte sequences (as {@code b1 << 8 | b2} for two) → letter. */
    final Map<Integer, Character> vniDecode = new HashMap<>();
    final Map<Character, byte[]> vniEncode = new HashMap<>();

    public LetterTable() {
        try (InputStream in = LetterTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 4 || f[0].length() != 1) throw new IllegalStateException(RESOURCE + ": bad line " + line);
                add(f[0].charAt(0), bytes(f[1]), bytes(f[2]), bytes(f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(char letter, byte[] tcvn3, byte[] tcvn3Capital, byte[] vni) {
        letters.add(letter);
        tcvn3Encode.put(letter, tcvn3);
        int code = tcvn3[0] & 0xFF;
        if (code >= 0x80 && tcvn3Decode[code] == 0) tcvn3Decode[code] = letter;
        if (Character.isUpperCase(letter) && code >= 0x80 && Character.isLowerCase(tcvn3Decode[code])) {
            tcvn3CaseFromContext[code] = true;
        }
        if (tcvn3Capital.length == 1) tcvn3Decode[tcvn3Capital[0] & 0xFF] = letter;
        vniEncode.put(letter, vni);
        if (vni.length == 2) vniDecode.put((vni[0] & 0xFF) << 8 | (vni[1] & 0xFF), letter);
        else if ((vni[0] & 0xFF) >= 0x80) vniDecode.put(vni[0] & 0xFF, letter);
    }

    private static byte[] bytes(String hex) {
        if (hex.isBlank()) return new byte[0];
        String[] parts = hex.strip().split(" ");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) b[i] = (byte) Integer.parseInt(parts[i], 16);
        return b;
    }

    /** Whether the character is a letter of the Vietnamese alphabet (with any diacritics), either case. */
    public boolean isLetter(char c) {
        return letters.contains(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Every Vietnamese letter of the table (67 lower-case and 67 capital vowels with tones, đ, Đ). */
    public Set<Character> letters() {
        return Set.copyOf(letters);
    }

    /** The letter without its tone mark (keeps the circumflex, breve and horn): ế → ê. */
    static String withoutTone(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            if (TONE_MARKS.indexOf(d.charAt(i)) < 0) sb.append(d.charAt(i));
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }

    /** How many tone marks the text carries. */
    static int tones(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        int n = 0;
        for (int i = 0; i < d.length(); i++) if (TONE_MARKS.indexOf(d.charAt(i)) >= 0) n++;
        return n;
    }
}
