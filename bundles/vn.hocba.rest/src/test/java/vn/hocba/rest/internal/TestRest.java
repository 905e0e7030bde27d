package vn.hocba.rest.internal;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import vn.hocba.security.Caller;
import vn.hocba.security.CallerResolver;
import vn.hocba.security.Grant;
import vn.hocba.security.RequestView;
import vn.hocba.security.Resolution;
import vn.hocba.security.Role;
import vn.hocba.store.AuditEntry;
import vn.hocba.store.AuditEvent;
import vn.hocba.store.AuditTrail;
import vn.hocba.store.AuditVerification;
import vn.hocba.store.SchoolScope;

/** The pieces around the resources in the tests: a resolver with two users, a config, an audit trail. */
final class TestRest {

    static final Caller GV3A = new Caller("gv3a", "Phạm Thị Lan", List.of(Grant.teacher("S1", "3A")));
    static final Caller QT = new Caller("qt", "Vũ Văn Quản", List.of(Grant.school(Role.SCHOOL_ADMIN, "S1")));
    static final Caller PGD = new Caller("pgd", "Chuyên viên PGD", List.of(Grant.districtViewer("HP-AL")));
    static final Caller QT2 = new Caller("qt2", "Quản trị S2", List.of(Grant.school(Role.SCHOOL_ADMIN, "S2")));

    /** "gv3a" with password "pw" is known; anything else is refused. */
    static final class Resolver implements CallerResolver {
        @Override
        public String id() {
            return "test";
        }

        @Override
        public Resolution resolve(RequestView request) {
            String h = request.header("Authorization");
            if (h == null) return new Resolution.Anonymous();
            String up = new String(Base64.getDecoder().decode(h.substring(6)));
            if (up.equals("gv3a:pw")) return new Resolution.Authenticated(GV3A);
            for (Caller c : List.of(QT, PGD, QT2)) {
                if (up.equals(c.userId() + ":pw")) return new Resolution.Authenticated(c);
            }
            return new Resolution.Refused("Sai mật khẩu", "Wrong password");
        }

        @Override
        public String challenge() {
            return "Basic realm=\"hocba\"";
        }
    }

    static final class Audit implements AuditTrail {
        final List<AuditEvent> events = new ArrayList<>();

        @Override
        public AuditEntry append(SchoolScope scope, AuditEvent event) {
            if (!scope.schoolCode().equals("S1") && !scope.schoolCode().equals("S2")) throw new IllegalArgumentException("no school " + scope);
            events.add(event);
            return null;
        }

        @Override
        public List<AuditEntry> entries(SchoolScope scope, long fromSeq, int limit) {
            return List.of();
        }

        @Override
        public AuditVerification verify(SchoolScope scope) {
            return null;
        }
    }

    static RestConfig config(String resolver, int perMinute, int maxBytes) {
        return new RestConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RestConfig.class;
            }

            @Override
            public String callerResolver() {
                return resolver;
            }

            @Override
            public int verifyPerMinute() {
                return perMinute;
            }

            @Override
            public int verifyMaxBytes() {
                return maxBytes;
            }
        };
    }

    static Authenticator authenticator(Audit audit, int perMinute, int maxBytes) {
        Authenticator a = new Authenticator(config("test", perMinute, maxBytes));
        a.addResolver(new Resolver());
        a.setAudit(audit);
        return a;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Object entity) {
        return (Map<String, Object>) Json.parse((String) entity);
    }

    private TestRest() {
    }
}
