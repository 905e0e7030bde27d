package vn.hocba.signing.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import vn.hocba.signing.spi.Authorisation;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.SignRequest;
import vn.hocba.signing.spi.SignResult;
import vn.hocba.signing.spi.SignatureProvider;
import vn.hocba.signing.spi.SignatureProviderException;
import vn.hocba.signing.spi.SignerRef;

/** The kit is not a rubber stamp: providers with classic faults fail the matching check. */
class ConformanceKitCatchesFaultsTest {

    /** A provider that delegates to a correct one and spoils one thing. */
    private abstract static class Spoiled implements SignatureProvider {
        final ReferenceProvider good = ReferenceProviderConformanceTest.pinProvider(20);

        @Override
        public String id() {
            return "spoiled";
        }

        @Override
        public List<Credential> credentials(SignerRef signer) {
            return good.credentials(signer);
        }

        @Override
        public SignResult sign(SignRequest request) throws SignatureProviderException {
            return good.sign(request);
        }

        @Override
        public SignResult poll(SignResult.PendingHandle handle) throws SignatureProviderException {
            return good.poll(handle);
        }
    }

    private static SignatureProviderConformance kitFor(SignatureProvider underTest) throws Exception {
        SignatureProviderConformance kit = new SignatureProviderConformance() {
            @Override
            protected SignatureProvider provider() {
                return underTest;
            }

            @Override
            protected SignerRef signer() {
                return ReferenceProviderConformanceTest.TEACHER;
            }

            @Override
            protected Authorisation authorisation(Credential credential) {
                return Authorisation.pin("123456".toCharArray());
            }

            @Override
            protected Authorisation wrongAuthorisation(Credential credential) {
                return Authorisation.pin("000000".toCharArray());
            }
        };
        kit.setUpProviderAndCredential();
        return kit;
    }

    @Test
    void valuesInTheWrongOrderFail() throws Exception {
        SignatureProviderConformance kit = kitFor(new Spoiled() {
            @Override
            public SignResult sign(SignRequest request) throws SignatureProviderException {
                List<byte[]> values = new ArrayList<>(((SignResult.Signed) good.sign(request)).signatureValues());
                Collections.reverse(values);
                return new SignResult.Signed(values);
            }
        });
        assertThrows(AssertionFailedError.class, kit::aBatchOfNDigestsYieldsNValuesThatVerifyInOrder);
    }

    @Test
    void aCredentialThatStaysUnlockedFails() throws Exception {
        SignatureProviderConformance kit = kitFor(new Spoiled() {
            private volatile boolean unlocked;

            @Override
            public SignResult sign(SignRequest request) throws SignatureProviderException {
                if (unlocked) { // the classic token mistake: the PIN is not checked again once logged in
                    return good.sign(new SignRequest(request.signer(), request.credentialId(),
                            request.signatureAlgorithm(), request.digests(), Authorisation.pin("123456".toCharArray()),
                            request.description()));
                }
                SignResult r = good.sign(request);
                unlocked = true;
                return r;
            }
        });
        assertThrows(AssertionFailedError.class, kit::nothingLeaksFromOneBatchToTheNext);
    }

    @Test
    void ignoringTheBatchLimitFails() throws Exception {
        ReferenceProvider unlimited = ReferenceProviderConformanceTest.pinProvider(0);
        SignatureProviderConformance kit = kitFor(new Spoiled() {
            @Override
            public List<Credential> credentials(SignerRef signer) {
                Credential c = unlimited.credentials(signer).get(0);
                return List.of(new Credential(c.id(), c.label(), c.certificateChain(), c.keyAlgorithm(),
                        c.authorisation(), 5)); // announces 5, signs anything
            }

            @Override
            public SignResult sign(SignRequest request) throws SignatureProviderException {
                return unlimited.sign(request);
            }
        });
        assertThrows(AssertionFailedError.class, kit::aBatchLargerThanTheLimitIsRefusedCleanly);
    }
}
