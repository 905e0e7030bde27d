package vn.hocba.signing.pkcs11.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import vn.hocba.signing.spi.SignerRef;

/**
 * A token's configuration, as plain values (what {@link Pkcs11ProviderConfig} carries).
 *
 * @param providerId       the provider's id
 * @param library          the PKCS#11 module
 * @param slotListIndex    the slot's index in the module's slot list
 * @param pinPolicy        who knows the PIN
 * @param pin              the PIN for {@link PinPolicy#CONFIGURED}, else empty
 * @param certificateFiles the credentials' certificates for {@link PinPolicy#PER_BATCH}
 * @param schoolCode       the school served, {@code *} for all
 * @param signerIds        the signers served, empty for all
 * @param maxBatchSize     the most digests in one batch, 0 for no limit
 */
public record Pkcs11Settings(String providerId, Path library, int slotListIndex, PinPolicy pinPolicy, char[] pin,
        List<Path> certificateFiles, String schoolCode, Set<String> signerIds, int maxBatchSize) {

    public Pkcs11Settings {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(pinPolicy, "pinPolicy");
        Objects.requireNonNull(schoolCode, "schoolCode");
        pin = pin == null ? new char[0] : pin.clone();
        certificateFiles = List.copyOf(certificateFiles);
        signerIds = Set.copyOf(signerIds);
        if (providerId.isBlank()) {
            throw new IllegalArgumentException("provider.id must not be blank");
        }
        if (slotListIndex < 0 || maxBatchSize < 0) {
            throw new IllegalArgumentException("slotListIndex and maxBatchSize must be >= 0");
        }
        if (pinPolicy == PinPolicy.CONFIGURED && pin.length == 0) {
            throw new IllegalArgumentException("the CONFIGURED PIN policy needs a pin");
        }
        if (pinPolicy == PinPolicy.PER_BATCH && certificateFiles.isEmpty()) {
            throw new IllegalArgumentException("the PER_BATCH PIN policy needs certificateFiles");
        }
    }

    static Pkcs11Settings from(Pkcs11ProviderConfig c) {
        return new Pkcs11Settings(c.provider_id(), Path.of(c.library()), c.slotListIndex(), c.pinPolicy(),
                c._pin().toCharArray(), Arrays.stream(c.certificateFiles()).filter(s -> !s.isBlank()).map(Path::of).toList(),
                c.schoolCode(), Set.copyOf(Arrays.stream(c.signerIds()).filter(s -> !s.isBlank()).toList()),
                c.maxBatchSize());
    }

    /** Whether this token serves the signer. */
    public boolean serves(SignerRef signer) {
        return ("*".equals(schoolCode) || schoolCode.equals(signer.schoolCode()))
                && (signerIds.isEmpty() || signerIds.contains(signer.signerId()));
    }

    @Override
    public String toString() {
        return "Pkcs11Settings[" + providerId + ", " + library + ", slotListIndex=" + slotListIndex + ", " + pinPolicy
                + ", school=" + schoolCode + ", signers=" + signerIds + "]";
    }
}
