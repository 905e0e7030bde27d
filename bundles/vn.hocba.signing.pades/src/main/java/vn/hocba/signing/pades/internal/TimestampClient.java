package vn.hocba.signing.pades.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import vn.hocba.signing.SigningException;
import vn.hocba.signing.spi.DigestAlgorithm;

/** An RFC 3161 client for the configured TSA URL. Thread-safe. */
final class TimestampClient {

    private final String url;
    private final int timeoutMillis;
    private final SecureRandom random = new SecureRandom();

    TimestampClient(String url, int timeoutMillis) {
        this.url = url;
        this.timeoutMillis = timeoutMillis;
    }

    /** A token over the digest, checked against the request (imprint, nonce), as DER. */
    byte[] stamp(byte[] digest, DigestAlgorithm algorithm) throws SigningException {
        if (url == null || url.isBlank()) {
            throw new SigningException("Chưa cấu hình địa chỉ máy chủ cấp dấu thời gian (TSA)",
                    "No time-stamping authority (TSA) URL is configured");
        }
        try {
            TimeStampRequestGenerator g = new TimeStampRequestGenerator();
            g.setCertReq(true);
            TimeStampRequest request = g.generate(new ASN1ObjectIdentifier(algorithm.oid()), digest,
                    new BigInteger(64, random));
            TimeStampResponse response = new TimeStampResponse(
                    Http.post(url, request.getEncoded(), "application/timestamp-query", timeoutMillis));
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new TSPException("TSA refused: " + response.getStatusString());
            }
            return token.getEncoded();
        } catch (IOException | TSPException e) {
            throw new SigningException("Không lấy được dấu thời gian từ " + url,
                    "Could not get a time-stamp from " + url + ": " + e.getMessage(), e);
        }
    }
}
