package vn.hocba.signing.tck;

import org.junit.jupiter.api.Nested;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.testpki.TestPki;

/** The kit passes a correct provider: PIN-protected and synchronous, then remote-confirmed and asynchronous. */
class ReferenceProviderConformanceTest {

    static final SignerRef TEACHER = new SignerRef("31000001", "gv-01");

    static ReferenceProvider pinProvider(int maxBatchSize) {
        TestPki.Identity id = TestPki.shared().teacher();
        return new ReferenceProvider(TEACHER, id.keyPair().getPrivate(), id.chainDer(), id.name(),
                "123456".toCharArray(), false, maxBatchSize);
    }

    @Nested
    class WithAPin extends SignatureProviderConformance {
        private final ReferenceProvider reference = pinProvider(20);

        @Override
        protected SignatureProvider provider() {
            return reference;
        }

        @Override
        protected SignerRef signer() {
            return TEACHER;
        }

        @Override
        protected Authorisation authorisation(Credential credential) {
            return Authorisation.pin("123456".toCharArray());
        }

        @Override
        protected Authorisation wrongAuthorisation(Credential credential) {
            return Authorisation.pin("654321".toCharArray());
        }
    }

    @Nested
    class ConfirmedOnAPhone extends SignatureProviderConformance {
        private final ReferenceProvider reference;

        ConfirmedOnAPhone() {
            TestPki.Identity id = TestPki.shared().principal();
            reference = new ReferenceProvider(TEACHER, id.keyPair().getPrivate(), id.chainDer(), id.name(), null,
                    true, 0);
        }

        @Override
        protected SignatureProvider provider() {
            return reference;
        }

        @Override
        protected SignerRef signer() {
            return TEACHER;
        }

        @Override
        protected Authorisation authorisation(Credential credential) {
            return Authorisation.none();
        }

        @Override
        protected boolean asynchronous() {
            return true;
        }

        @Override
        protected void confirm(SignResult.PendingHandle handle) {
            reference.confirm(handle.token());
        }
    }
}
