package vn.hocba.signing.pades.internal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.util.Store;

import vn.hocba.signing.spi.DigestAlgorithm;

/** Small certificate helpers over the JDK's X.509 classes. */
final class Certificates {

    private Certificates() {
    }

    static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    static List<X509Certificate> parseAll(List<byte[]> ders) {
        List<X509Certificate> out = new ArrayList<>(ders.size());
        for (byte[] d : ders) {
            out.add(parse(d));
        }
        return out;
    }

    static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(X509Certificate c) {
        return HexFormat.of().formatHex(CadesDetached.digest(DigestAlgorithm.SHA256, encoded(c)));
    }

    static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The certificate among {@code pool} that issued {@code c} (name match and signature check), or null. */
    static X509Certificate issuerOf(X509Certificate c, Collection<X509Certificate> pool) {
        for (X509Certificate candidate : pool) {
            if (candidate.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && !candidate.equals(c)) {
                try {
                    c.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // same name, other key: keep looking
                }
            }
        }
        return null;
    }

    /** The chain of {@code leaf} built from the pool, leaf first, as far as it goes. */
    static List<X509Certificate> chain(X509Certificate leaf, Collection<X509Certificate> pool) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate c = leaf;
        while (c != null && !chain.contains(c) && chain.size() < 10) {
            chain.add(c);
            if (selfSigned(c)) {
                break;
            }
            c = issuerOf(c, pool);
        }
        return chain;
    }

    static List<X509Certificate> fromStore(Store<X509CertificateHolder> store) {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder h : store.getMatches(null)) {
            try {
                out.add(converter.getCertificate(h));
            } catch (GeneralSecurityException e) {
                // skip an unreadable certificate
            }
        }
        return out;
    }

    /** The common name of a certificate's subject, or the whole DN when it has none. */
    static String commonName(X509Certificate c) {
        org.bouncycastle.asn1.x500.X500Name name = org.bouncycastle.asn1.x500.X500Name.getInstance(
                c.getSubjectX500Principal().getEncoded());
        var rdns = name.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        if (rdns.length == 0) {
            return c.getSubjectX500Principal().getName();
        }
        return org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
