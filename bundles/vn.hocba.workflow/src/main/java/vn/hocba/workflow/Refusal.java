package vn.hocba.workflow;

import java.util.Objects;

/** A reason something was not done, for users in Vietnamese (NFC) and English. */
public record Refusal(RefusalCode code, String messageVi, String messageEn) {
    public Refusal {
        Objects.requireNonNull(code, "code");
        messageVi = java.text.Normalizer.normalize(Objects.requireNonNull(messageVi, "messageVi"),
                java.text.Normalizer.Form.NFC);
        Objects.requireNonNull(messageEn, "messageEn");
    }
}
