package vn.hocba.signing.csc.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pending batch needs to finish after the signer confirms, carried in the SPI's pending handle (so the
 * provider keeps no state and a batch survives a restart of the host): the service's {@code authorizeCheck}
 * handle, the algorithms, the deadline and the hashes to sign. Base64url of a small JSON object.
 *
 * @param handle           the CSC handle returned by {@code credentials/authorize} (HTTP 202)
 * @param credentialId     the CSC credential
 * @param signAlgo         the {@code signAlgo} OID for {@code signatures/signHash}
 * @param hashAlgorithmOid the {@code hashAlgorithmOID}, or {@code null} when implied by {@code signAlgo}
 * @param ec               the key is EC (values are converted to DER)
 * @param expiresAtMillis  when the provider gives up waiting
 * @param hashes           the hashes, Base64, in batch order
 */
record PendingToken(String handle, String credentialId, String signAlgo, String hashAlgorithmOid, boolean ec,
        long expiresAtMillis, List<String> hashes) {

    PendingToken {
        hashes = List.copyOf(hashes);
    }

    PendingToken withHandle(String newHandle) {
        return new PendingToken(newHandle, credentialId, signAlgo, hashAlgorithmOid, ec, expiresAtMillis, hashes);
    }

    String encode() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", 1L);
        m.put("h", handle);
        m.put("c", credentialId);
        m.put("a", signAlgo);
        m.put("d", hashAlgorithmOid);
        m.put("k", ec ? "EC" : "RSA");
        m.put("e", expiresAtMillis);
        m.put("x", hashes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(m).getBytes(StandardCharsets.UTF_8));
    }

    /** The token, or {@code null} if it is not one of ours. */
    static PendingToken decode(String token) {
        try {
            Map<String, Object> m = Json.parseObject(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (!Long.valueOf(1).equals(m.get("v")) || !(m.get("x") instanceof List<?> x)) {
                return null;
            }
            List<String> hashes = new ArrayList<>();
            for (Object o : x) {
                hashes.add((String) o);
            }
            return new PendingToken((String) m.get("h"), (String) m.get("c"), (String) m.get("a"), (String) m.get("d"),
                    "EC".equals(m.get("k")), ((Number) m.get("e")).longValue(), hashes);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            return null;
        }
    }
}
