package vn.hocba.security;

import java.util.Objects;

/** What a {@link CallerResolver} made of a request's credentials. */
public sealed interface Resolution {

    /** The request carries valid credentials of this caller. */
    record Authenticated(Caller caller) implements Resolution {
        public Authenticated {
            Objects.requireNonNull(caller, "caller");
        }
    }

    /** The request carries no credentials at all. */
    record Anonymous() implements Resolution {
    }

    /** The request carries credentials that are wrong, expired or locked; the reason is told to the caller. */
    record Refused(String messageVi, String messageEn) implements Resolution {
        public Refused {
            Objects.requireNonNull(messageVi, "messageVi");
            Objects.requireNonNull(messageEn, "messageEn");
        }
    }
}
