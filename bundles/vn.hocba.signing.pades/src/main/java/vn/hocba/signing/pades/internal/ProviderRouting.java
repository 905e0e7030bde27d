package vn.hocba.signing.pades.internal;

import java.util.HashMap;
import java.util.Map;

import vn.hocba.signing.spi.SignerRef;

/** Which provider id a signer uses: the signer's entry, else the school's, else the default. Immutable. */
record ProviderRouting(String defaultProvider, Map<String, String> bySchool, Map<String, String> bySigner) {

    static ProviderRouting parse(String defaultProvider, String[] schools, String[] signers) {
        return new ProviderRouting(defaultProvider, entries(schools), entries(signers));
    }

    private static Map<String, String> entries(String[] lines) {
        Map<String, String> map = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return Map.copyOf(map);
    }

    String providerFor(SignerRef signer) {
        String id = bySigner.get(signer.schoolCode() + "/" + signer.signerId());
        if (id == null) {
            id = bySchool.get(signer.schoolCode());
        }
        return id != null ? id : defaultProvider;
    }
}
