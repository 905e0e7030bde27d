package vn.hocba.signing.spi;

import java.util.Arrays;
import java.util.Objects;

/** What unlocks a credential for one batch: nothing, a PIN, or a one-time code. */
public sealed interface Authorisation {

    /** The mode this authorisation answers. */
    AuthorisationMode mode();

    static Authorisation none() {
        return None.INSTANCE;
    }

    static Authorisation pin(char[] pin) {
        return new Pin(pin);
    }

    static Authorisation otp(String code) {
        return new Otp(code);
    }

    /** Nothing to type; also what {@link AuthorisationMode#REMOTE_CONFIRMATION} credentials take. */
    enum None implements Authorisation {
        INSTANCE;

        @Override
        public AuthorisationMode mode() {
            return AuthorisationMode.NONE;
        }
    }

    /** A PIN; the provider may clear the array after use. */
    record Pin(char[] pin) implements Authorisation {
        public Pin {
            Objects.requireNonNull(pin, "pin");
        }

        @Override
        public AuthorisationMode mode() {
            return AuthorisationMode.PIN;
        }

        @Override
        public String toString() {
            return "Pin[****]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pin p && Arrays.equals(pin, p.pin);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pin);
        }
    }

    /** A one-time code. */
    record Otp(String code) implements Authorisation {
        public Otp {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public AuthorisationMode mode() {
            return AuthorisationMode.OTP;
        }

        @Override
        public String toString() {
            return "Otp[****]";
        }
    }
}
