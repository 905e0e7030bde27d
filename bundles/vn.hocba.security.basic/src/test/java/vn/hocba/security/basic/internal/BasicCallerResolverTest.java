package vn.hocba.security.basic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hocba.security.Grant;
import vn.hocba.security.RequestView;
import vn.hocba.security.Resolution;
import vn.hocba.security.Role;

class BasicCallerResolverTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-05-20T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static BasicCallerResolver.Config config() {
        return new BasicCallerResolver.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BasicCallerResolver.Config.class;
            }

            @Override
            public String realm() {
                return "hocba";
            }

            @Override
            public int cacheSeconds() {
                return 600;
            }

            @Override
            public int maxFailures() {
                return 3;
            }

            @Override
            public int lockSeconds() {
                return 900;
            }
        };
    }

    static RequestView request(String authorization) {
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("authorization", authorization);
        return new RequestView() {
            @Override
            public String header(String name) {
                return headers.get(name.toLowerCase());
            }

            @Override
            public String method() {
                return "GET";
            }

            @Override
            public String path() {
                return "/hocba/api/v1/schools";
            }

            @Override
            public String remoteAddress() {
                return "127.0.0.1";
            }
        };
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    final ManualClock clock = new ManualClock();
    final BasicCallerResolver resolver = new BasicCallerResolver(config(), clock);

    BasicCallerResolverTest() {
        resolver.addUser(new BasicUser("gv3a", "Nguyễn Thị Hoa", PasswordHash.hash("mật-khẩu".toCharArray(), 1000),
                new String[] { "HOMEROOM_TEACHER:S1:3A, SCHOOL_ADMIN:S1" }));
    }

    @Test
    void theRightPasswordGivesTheCallerWithTheirGrants() {
        Resolution r = resolver.resolve(request(basic("gv3a", "mật-khẩu")));
        Resolution.Authenticated a = assertInstanceOf(Resolution.Authenticated.class, r);
        assertEquals("gv3a", a.caller().userId());
        assertEquals("Nguyễn Thị Hoa", a.caller().displayName());
        assertEquals(List.of(Grant.teacher("S1", "3A"), Grant.school(Role.SCHOOL_ADMIN, "S1")), a.caller().grants());
        // the second time answers from the cache, with the same result
        assertInstanceOf(Resolution.Authenticated.class, resolver.resolve(request(basic("gv3a", "mật-khẩu"))));
    }

    @Test
    void noHeaderIsAnonymousAndBadHeadersAreRefused() {
        assertInstanceOf(Resolution.Anonymous.class, resolver.resolve(request(null)));
        assertInstanceOf(Resolution.Refused.class, resolver.resolve(request("Bearer abc")));
        assertInstanceOf(Resolution.Refused.class, resolver.resolve(request("Basic !!!")));
        assertInstanceOf(Resolution.Refused.class, resolver.resolve(request("Basic "
                + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)))));
        assertTrue(resolver.challenge().startsWith("Basic realm=\"hocba\""));
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetTheSameAnswer() {
        Resolution.Refused wrong = assertInstanceOf(Resolution.Refused.class,
                resolver.resolve(request(basic("gv3a", "sai"))));
        Resolution.Refused unknown = assertInstanceOf(Resolution.Refused.class,
                resolver.resolve(request(basic("ai-do", "sai"))));
        assertEquals(wrong, unknown);
        assertEquals("Wrong user name or password", wrong.messageEn());
    }

    @Test
    void tooManyWrongPasswordsLockTheUserForAWhile() {
        resolver.resolve(request(basic("gv3a", "sai1")));
        resolver.resolve(request(basic("gv3a", "sai2")));
        resolver.resolve(request(basic("gv3a", "sai3")));
        Resolution.Refused locked = assertInstanceOf(Resolution.Refused.class,
                resolver.resolve(request(basic("gv3a", "mật-khẩu"))));
        assertTrue(locked.messageEn().startsWith("Account locked"), locked.messageEn());
        clock.now = clock.now.plusSeconds(901);
        assertInstanceOf(Resolution.Authenticated.class, resolver.resolve(request(basic("gv3a", "mật-khẩu"))));
    }

    @Test
    void aRemovedUserIsForgottenAtOnce() {
        BasicUser other = new BasicUser("ht", "", PasswordHash.hash("p".toCharArray(), 1000),
                new String[] { "PRINCIPAL:S1" });
        resolver.addUser(other);
        assertInstanceOf(Resolution.Authenticated.class, resolver.resolve(request(basic("ht", "p"))));
        resolver.removeUser(other);
        assertInstanceOf(Resolution.Refused.class, resolver.resolve(request(basic("ht", "p"))));
    }

    @Test
    void plainPasswordsInConfigurationAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new BasicUser("x", "", "secret", new String[] { "PRINCIPAL:S1" }));
        assertThrows(IllegalArgumentException.class,
                () -> new BasicUser("x", "", PasswordHash.hash("p".toCharArray(), 1000), new String[] { "BOSS:S1" }));
    }

    @Test
    void aUtf8NameReadAsLatin1FromACfgFileIsRepaired() {
        String misread = new String("Phạm Thị Lan".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("Phạm Thị Lan", new BasicUser("x", misread, PasswordHash.hash("p".toCharArray(), 1000),
                new String[0]).name());
        assertEquals("Phạm Thị Lan", BasicUser.utf8Repaired("Phạm Thị Lan"));
        assertEquals("Ánh", BasicUser.utf8Repaired("Ánh"), "a real Latin-1 text stays as it is");
        String nfd = java.text.Normalizer.normalize("Nguyễn", java.text.Normalizer.Form.NFD);
        assertEquals("Nguyễn", new BasicUser("x", nfd, PasswordHash.hash("p".toCharArray(), 1000),
                new String[0]).name(), "names are NFC");
    }

    @Test
    void hashesAreSaltedAndVerifyOnlyTheirPassword() {
        String a = PasswordHash.hash("p".toCharArray(), 1000);
        String b = PasswordHash.hash("p".toCharArray(), 1000);
        assertFalse(a.equals(b));
        assertTrue(PasswordHash.matches("p".toCharArray(), a));
        assertFalse(PasswordHash.matches("q".toCharArray(), a));
        assertFalse(PasswordHash.matches("p".toCharArray(), "p"));
        assertTrue(PasswordHash.hash("p".toCharArray()).startsWith("pbkdf2-sha256$600000$"));
    }
}
