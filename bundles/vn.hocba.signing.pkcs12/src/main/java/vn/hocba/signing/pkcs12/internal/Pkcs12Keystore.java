package vn.hocba.signing.pkcs12.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.signing.spi.AuthorisationMode;
import vn.hocba.signing.spi.Credential;
import vn.hocba.signing.spi.KeyAlgorithm;
import vn.hocba.signing.spi.SignerRef;
import vn.hocba.signing.spi.UnknownCredentialException;
import vn.hocba.signing.spi.WrongAuthorisationException;

/**
 * One configured PKCS#12 file (factory PID {@value #PID}): the key entries it offers to a school's signers.
 * Loaded once at activation; a changed configuration or file is picked up by reconfiguring.
 */
@Component(service = Pkcs12Keystore.class, configurationPid = Pkcs12Keystore.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = KeystoreConfig.class, factory = true)
public final class Pkcs12Keystore {

    static final String PID = "vn.hocba.signing.pkcs12.keystore";

    private final String name;
    private final KeyStore store;
    private final char[] storePassword;
    private final boolean pinRequired;
    private final String schoolCode;
    private final String signerId;
    private final List<Credential> credentials;

    @Activate
    public Pkcs12Keystore(KeystoreConfig config) throws IOException, GeneralSecurityException {
        this(Path.of(config.path()), config.password().toCharArray(), config.pinRequired(), List.of(config.aliases()),
                config.schoolCode(), config.signerId());
    }

    Pkcs12Keystore(Path path, char[] password, boolean pinRequired, List<String> aliases, String schoolCode,
            String signerId) throws IOException, GeneralSecurityException {
        this.name = path.getFileName().toString();
        this.storePassword = password.clone();
        this.pinRequired = pinRequired;
        this.schoolCode = schoolCode;
        this.signerId = signerId == null ? "" : signerId;
        this.store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, storePassword);
        }
        List<Credential> found = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (!store.isKeyEntry(alias) || (!aliases.isEmpty() && !aliases.contains(alias))) {
                continue;
            }
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                continue;
            }
            List<byte[]> der = new ArrayList<>();
            for (Certificate c : chain) {
                der.add(c.getEncoded());
            }
            X509Certificate leaf = (X509Certificate) chain[0];
            KeyAlgorithm alg = "EC".equals(leaf.getPublicKey().getAlgorithm()) ? KeyAlgorithm.EC : KeyAlgorithm.RSA;
            found.add(new Credential(credentialId(alias), leaf.getSubjectX500Principal().getName() + " — "
                    + leaf.getIssuerX500Principal().getName(), der, alg,
                    pinRequired ? AuthorisationMode.PIN : AuthorisationMode.NONE, 0));
        }
        this.credentials = List.copyOf(found);
    }

    private String credentialId(String alias) {
        return name + ":" + alias;
    }

    /** The file's credentials if this signer of this school may use them. */
    List<Credential> credentialsFor(SignerRef signer) {
        boolean school = schoolCode.equals(signer.schoolCode());
        boolean person = signerId.isBlank() || signerId.equals(signer.signerId());
        return school && person ? credentials : List.of();
    }

    boolean holds(String credentialId) {
        return credentials.stream().anyMatch(c -> c.id().equals(credentialId));
    }

    /** The private key of a credential, unlocked with the PIN when the file asks for one. */
    PrivateKey key(String credentialId, char[] pin) throws UnknownCredentialException, WrongAuthorisationException {
        String alias = credentialId.substring(name.length() + 1);
        char[] password = pinRequired ? pin : storePassword;
        if (password == null) {
            throw new WrongAuthorisationException(-1, null);
        }
        try {
            Key key = store.getKey(alias, password);
            if (key instanceof PrivateKey pk) {
                return pk;
            }
            throw new UnknownCredentialException(credentialId);
        } catch (UnrecoverableKeyException e) {
            throw new WrongAuthorisationException(-1, e);
        } catch (GeneralSecurityException e) {
            throw new UnknownCredentialException(credentialId);
        } finally {
            if (pinRequired && pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }
}
