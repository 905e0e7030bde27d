package vn.hocba.workflow.internal;

import java.util.Map;

import vn.hocba.signing.BaselineLevel;

/**
 * How the workflow runs (configuration PID {@code vn.hocba.workflow}).
 *
 * @param hostId        this host's name in the job tables (unique per running host)
 * @param batchSize     records per provider batch and per claim (a class of up to this many is one batch)
 * @param singleChunk   records per claim for steps done one record at a time (lock, render, issue), so that the
 *                      workers of a host and the hosts share a class
 * @param leaseMillis   how long a claim holds before another host may take the items over
 * @param retryMillis   how long an item waits after a service was unavailable
 * @param maxAttempts   after this many starts an item fails instead of being retried
 * @param signLevel     the level of personal signatures (B-B, or B-T with a time-stamp)
 * @param sealLevel     the level the seal raises the PDF to (B-T, B-LT or B-LTA)
 * @param sealSigners   the seal's signer id per school code ({@code SignerRef(school, id)}); default {@code seal}
 * @param principals    the principal (or deputy) who signs second, per school code: name and title printed on the
 *                      form and written in the XML data; a school without one gets neither
 * @param exportXml     true: the XML the signers sign is the school's export schema (the exporter configured for the
 *                      school), attached to the PDF; false: the renderer's own data file
 */
public record Settings(String hostId, int batchSize, int singleChunk, long leaseMillis, long retryMillis, int maxAttempts,
        BaselineLevel signLevel, BaselineLevel sealLevel, Map<String, String> sealSigners,
        Map<String, Principal> principals, boolean exportXml) {

    public Settings {
        if (batchSize < 1 || singleChunk < 1) throw new IllegalArgumentException("chunks hold at least 1 record");
        sealSigners = Map.copyOf(sealSigners);
        principals = Map.copyOf(principals);
    }

    /** Without principals, with the renderer's own XML (no export bundle needed). */
    public Settings(String hostId, int batchSize, int singleChunk, long leaseMillis, long retryMillis, int maxAttempts,
            BaselineLevel signLevel, BaselineLevel sealLevel, Map<String, String> sealSigners) {
        this(hostId, batchSize, singleChunk, leaseMillis, retryMillis, maxAttempts, signLevel, sealLevel, sealSigners,
                Map.of(), false);
    }

    public static Settings defaults(String hostId) {
        return new Settings(hostId, 50, 4, 120_000, 30_000, 5, BaselineLevel.B_T, BaselineLevel.B_LT, Map.of());
    }

    /** The principal or deputy who signs a school's records second, as printed and written in the data. */
    public record Principal(String name, String title) {
    }

    public String sealSigner(String schoolCode) {
        return sealSigners.getOrDefault(schoolCode, "seal");
    }
}
