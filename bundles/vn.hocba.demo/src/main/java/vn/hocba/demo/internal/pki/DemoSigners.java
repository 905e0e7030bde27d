package vn.hocba.demo.internal.pki;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The demo signers of the configuration, and the PKCS#12 provider's keystore configuration for each. */
final class DemoSigners {
    /** The factory PID of {@code vn.hocba.signing.pkcs12}'s keystores. */
    static final String KEYSTORE_FACTORY_PID = "vn.hocba.signing.pkcs12.keystore";
    /** Marks the configurations the demo made (an admin can find and delete them). */
    static final String DEMO_MARK = "hocba.demo";

    record Signer(String id, String name) {
    }

    private DemoSigners() {
    }

    /** {@code id=name} entries (an entry may also hold several, comma-separated, as a .cfg line does); names NFC. */
    static List<Signer> parse(String[] entries) {
        List<Signer> out = new ArrayList<>();
        for (String e : java.util.Arrays.stream(entries).flatMap(x -> java.util.Arrays.stream(x.split(",")))
                .map(String::strip).filter(x -> !x.isEmpty()).toList()) {
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) throw new IllegalArgumentException("not signerId=name: " + e);
            out.add(new Signer(e.substring(0, eq).strip(), DemoPki.nfc(e.substring(eq + 1))));
        }
        return out;
    }

    /** The name of the signer's keystore factory configuration (PID {@code <factory>~hocba-demo-<id>}). */
    static String configurationName(Signer s) {
        return "hocba-demo-" + s.id();
    }

    static Map<String, Object> keystoreProperties(java.nio.file.Path p12, String password, String schoolCode,
            Signer signer) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", p12.toAbsolutePath().toString());
        p.put("password", password);
        p.put("schoolCode", schoolCode);
        p.put("signerId", signer.id());
        p.put(DEMO_MARK, "true");
        return p;
    }

    /** Whether a configuration already says all of this (then it is left alone: no needless re-activation). */
    static boolean holds(Dictionary<String, Object> current, Map<String, Object> wanted) {
        if (current == null) return false;
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            if (!Objects.equals(String.valueOf(current.get(e.getKey())), String.valueOf(e.getValue()))) return false;
        }
        return true;
    }
}
