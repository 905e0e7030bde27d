package vn.hocba.signing.csc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void roundTripsWhatTheCscApiUses() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("credentialID", "GX0112348");
        m.put("numSignatures", 35L);
        m.put("description", "Lớp 3A — 35 học bạ \"cuối năm\"\n\ttab\u0001");
        m.put("hashes", List.of("sTOgwOm+474gFj0q0x1iSNspKqbcse4IeiqlDg/HWuI="));
        m.put("nested", Map.of("ok", true));
        m.put("nothing", null);
        assertEquals(m, Json.parseObject(Json.write(m)));
    }

    @Test
    void readsNumbersEscapesAndWhitespace() {
        Map<String, Object> m = Json.parseObject(" { \"a\" : [ 1 , -2.5e1, 3.0 ] , \"u\":\"\\u1ea1\\/\" , \"f\":false } ");
        assertEquals(List.of(1L, new BigDecimal("-2.5e1"), new BigDecimal("3.0")), m.get("a"));
        assertEquals("ạ/", m.get("u"));
        assertEquals(false, m.get("f"));
    }

    @Test
    void refusesMalformedText() {
        for (String bad : List.of("{", "{\"a\" 1}", "[1,]", "{\"a\":1} x", "\"\u0001\"", "{\"a\":tru}", "")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void ecdsaValuesAreTurnedIntoDerOnlyWhenRaw() {
        byte[] raw = new byte[64];
        raw[0] = (byte) 0x80; // r needs a leading zero in DER
        raw[63] = 1;
        byte[] der = EcdsaValues.toDer(raw);
        assertEquals("30", HexFormat.of().formatHex(der, 0, 1));
        assertEquals(2 + (2 + 33) + (2 + 1), der.length);
        assertEquals(true, Arrays.equals(der, EcdsaValues.toDer(der)), "DER stays as it is");
        assertThrows(IllegalArgumentException.class, () -> EcdsaValues.toDer(new byte[63]));
    }
}
