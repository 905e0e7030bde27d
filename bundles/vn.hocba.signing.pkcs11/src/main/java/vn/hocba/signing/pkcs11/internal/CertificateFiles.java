package vn.hocba.signing.pkcs11.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import vn.hocba.signing.spi.KeyAlgorithm;

/** Certificates of credentials: read from files, named and identified. */
final class CertificateFiles {

    private CertificateFiles() {
    }

    /** One file: PEM (signer certificate first, then its chain) or DER (the signer certificate alone). */
    static List<X509Certificate> readChain(Path file) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
            chain.add((X509Certificate) c);
        }
        if (chain.isEmpty()) {
            throw new IOException("no certificate in " + file);
        }
        return chain;
    }

    /** A credential's id: the hex SHA-256 of its certificate, the same whichever way it was listed. */
    static String id(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "subject CN — issuer CN". */
    static String label(X509Certificate cert) {
        return commonName(cert.getSubjectX500Principal()) + " — " + commonName(cert.getIssuerX500Principal());
    }

    static KeyAlgorithm keyAlgorithm(X509Certificate cert) {
        return "EC".equals(cert.getPublicKey().getAlgorithm()) ? KeyAlgorithm.EC : KeyAlgorithm.RSA;
    }

    static List<byte[]> der(List<X509Certificate> chain) {
        List<byte[]> der = new ArrayList<>();
        for (X509Certificate c : chain) {
            try {
                der.add(c.getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return der;
    }

    private static String commonName(X500Principal name) {
        try {
            for (Rdn rdn : new LdapName(name.getName(X500Principal.RFC2253)).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            // fall through: the whole name is still a label
        }
        return name.getName();
    }
}
