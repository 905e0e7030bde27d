package vn.hocba.signing.csc.internal;

import org.junit.jupiter.api.Nested;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.tck.SignatureProviderConformance;

/** The conformance kit against the test CSC service: PIN, OTP, confirmation on a phone, and an EC key. */
class CscConformanceTest {

    @Nested
    class PinOverBasicLogin extends SignatureProviderConformance {
        @Override
        protected SignatureProvider provider() {
            return CscFixture.shared().basic;
        }

        @Override
        protected SignerRef signer() {
            return CscFixture.TEACHER;
        }

        @Override
        protected Authorisation authorisation(Credential credential) {
            return Authorisation.pin(CscFixture.TEACHER_PIN.toCharArray());
        }

        @Override
        protected Authorisation wrongAuthorisation(Credential credential) {
            return Authorisation.pin("000000".toCharArray());
        }
    }

    @Nested
    class OtpOverOAuth2ClientCredentials extends SignatureProviderConformance {
        @Override
        protected SignatureProvider provider() {
            return CscFixture.shared().oauth;
        }

        @Override
        protected SignerRef signer() {
            return CscFixture.SECOND_TEACHER;
        }

        @Override
        protected Authorisation authorisation(Credential credential) {
            return Authorisation.otp(CscFixture.SECOND_TEACHER_OTP);
        }

        @Override
        protected Authorisation wrongAuthorisation(Credential credential) {
            return Authorisation.otp("999999");
        }
    }

    @Nested
    class ConfirmedOnThePhone extends SignatureProviderConformance {
        @Override
        protected SignatureProvider provider() {
            return CscFixture.shared().oauth;
        }

        @Override
        protected SignerRef signer() {
            return CscFixture.PRINCIPAL;
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
            CscFixture.shared().server.confirm(CscFixture.serverHandle(handle));
        }
    }

    @Nested
    class EcKeyAnsweredAsRawRs extends SignatureProviderConformance {
        @Override
        protected SignatureProvider provider() {
            return CscFixture.shared().oauth;
        }

        @Override
        protected SignerRef signer() {
            return CscFixture.SEAL;
        }

        @Override
        protected Authorisation authorisation(Credential credential) {
            return Authorisation.pin(CscFixture.SEAL_PIN.toCharArray());
        }

        @Override
        protected Authorisation wrongAuthorisation(Credential credential) {
            return Authorisation.pin("999999".toCharArray());
        }
    }
}
