package vn.hocba.signing.pkcs11.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.InvalidParameterException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;

import vn.hocba.signing.spi.ProviderUnavailableException;
import vn.hocba.signing.spi.SignatureProviderException;
import vn.hocba.signing.spi.WrongAuthorisationException;

/**
 * One slot of a PKCS#11 module through a private SunPKCS11 instance (never added to {@link Security}'s list, so
 * nothing else in the JVM picks it by accident). Configured lazily and again after a failure, so a token plugged
 * in after start-up, or re-plugged, is found on the next call.
 */
final class Pkcs11Token {

    /** A private key entry of the token: the key handle (valid while logged in) and its chain. */
    record KeyEntry(String alias, PrivateKey key, List<X509Certificate> chain) {
    }

    private final Pkcs11Settings settings;
    private final AtomicLong loginAttempts = new AtomicLong();
    private AuthProvider provider; // guarded by this

    Pkcs11Token(Pkcs11Settings settings) {
        this.settings = settings;
    }

    /** The configured SunPKCS11 instance for the slot. */
    synchronized AuthProvider provider() throws ProviderUnavailableException {
        if (provider != null) {
            return provider;
        }
        if (!Files.isReadable(settings.library())) {
            throw unavailable("thư viện PKCS#11 " + settings.library() + " không có",
                    "the PKCS#11 library " + settings.library() + " is missing", null);
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw unavailable("Java không có SunPKCS11", "this Java runtime has no SunPKCS11 provider", null);
        }
        String config = "--name = hocba-" + settings.providerId().replaceAll("[^A-Za-z0-9_-]", "_") + "\n"
                + "library = " + settings.library() + "\n"
                + "slotListIndex = " + settings.slotListIndex() + "\n";
        try {
            provider = (AuthProvider) base.configure(config);
            return provider;
        } catch (InvalidParameterException | ProviderException e) {
            throw unavailable("không mở được slot số " + settings.slotListIndex() + " (token chưa cắm?)",
                    "cannot open slot list index " + settings.slotListIndex() + " of " + settings.library()
                            + " (token not inserted?): " + e.getMessage(), e);
        }
    }

    /** How many times C_Login was called (a batch must cost one). */
    long loginAttempts() {
        return loginAttempts.get();
    }

    /** Forgets the SunPKCS11 instance after a token failure, so the next call configures it afresh. */
    synchronized void reset() {
        provider = null;
    }

    /** Logs the user in with a PIN, checking it: logs out first if a login is still active. */
    void loginChecked(char[] pin) throws SignatureProviderException {
        logout();
        login(pin);
    }

    /** Logs in unless logged in already (SunPKCS11 skips the call then). */
    void login(char[] pin) throws SignatureProviderException {
        AuthProvider p = provider();
        try {
            p.login(null, callbacks -> {
                // SunPKCS11 asks for the PIN only when it is about to call C_Login
                loginAttempts.incrementAndGet();
                for (var c : callbacks) {
                    if (c instanceof PasswordCallback pc) {
                        pc.setPassword(pin);
                    }
                }
            });
        } catch (FailedLoginException e) {
            throw new WrongAuthorisationException(-1, e);
        } catch (LoginException e) {
            String detail = String.valueOf(e.getCause());
            if (detail.contains("CKR_PIN_LOCKED")) {
                throw new WrongAuthorisationException(0, e);
            }
            if (detail.contains("CKR_PIN_INCORRECT") || detail.contains("CKR_PIN_INVALID")
                    || detail.contains("CKR_PIN_LEN_RANGE")) {
                throw new WrongAuthorisationException(-1, e);
            }
            reset();
            throw unavailable("không đăng nhập được token", "cannot log in to the token: " + detail, e);
        } catch (ProviderException e) {
            reset();
            throw unavailable("token không phản hồi", "the token does not answer: " + e.getMessage(), e);
        }
    }

    /** Logs out; harmless when not logged in. */
    void logout() {
        AuthProvider p;
        synchronized (this) {
            p = provider;
        }
        if (p != null) {
            try {
                p.logout();
            } catch (LoginException | ProviderException e) {
                // nothing to undo: the next login checks the PIN anyway
            }
        }
    }

    /** The private-key entries with their chains; needs a login. */
    List<KeyEntry> keyEntries() throws SignatureProviderException {
        AuthProvider p = provider();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS11", p);
            ks.load(null, null);
            List<KeyEntry> entries = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) {
                    continue;
                }
                Certificate[] chain = ks.getCertificateChain(alias);
                if (chain == null || chain.length == 0) {
                    continue; // a key without its certificate cannot sign for us
                }
                List<X509Certificate> x509 = new ArrayList<>();
                for (Certificate c : chain) {
                    x509.add((X509Certificate) c);
                }
                entries.add(new KeyEntry(alias, (PrivateKey) ks.getKey(alias, null), x509));
            }
            return entries;
        } catch (IOException | GeneralSecurityException | ProviderException e) {
            reset();
            throw unavailable("không đọc được khóa trên token", "cannot read the token's keys: " + e.getMessage(), e);
        }
    }

    /** Signs one prepared input (a DigestInfo for RSA, the digest for ECDSA) with a raw mechanism. */
    byte[] signRaw(PrivateKey key, String jcaAlgorithm, byte[] input) throws SignatureProviderException {
        AuthProvider p = provider();
        try {
            Signature s = Signature.getInstance(jcaAlgorithm, p);
            s.initSign(key);
            s.update(input);
            return s.sign();
        } catch (ProviderException e) {
            reset();
            throw unavailable("token ngừng ký giữa chừng", "the token stopped signing: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SignatureProviderException("Token không ký được: " + e.getMessage(),
                    "The token could not sign: " + e.getMessage(), e);
        }
    }

    private ProviderUnavailableException unavailable(String vi, String en, Throwable cause) {
        // the SPI's exception has one detail text for both languages: give both
        return new ProviderUnavailableException(settings.providerId(), vi + " — " + en, cause);
    }
}
