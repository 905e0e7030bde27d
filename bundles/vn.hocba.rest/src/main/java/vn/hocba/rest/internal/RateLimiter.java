package vn.hocba.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code perMinute} requests a minute, refilled continuously, with a burst of as
 * many. Forgets idle clients so the map stays small.
 */
final class RateLimiter {

    private record Bucket(double tokens, long at) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;

    RateLimiter(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    /** Takes one token for the client; false when it has none left. */
    boolean tryAcquire(String client, int perMinute) {
        long now = clockMillis.getAsLong();
        double rate = perMinute / 60_000.0;
        boolean[] ok = new boolean[1];
        buckets.compute(client, (k, b) -> {
            double tokens = b == null ? perMinute : Math.min(perMinute, b.tokens() + (now - b.at()) * rate);
            ok[0] = tokens >= 1;
            return new Bucket(ok[0] ? tokens - 1 : tokens, now);
        });
        if (buckets.size() > 10_000) buckets.entrySet().removeIf(e -> now - e.getValue().at() > 120_000);
        return ok[0];
    }
}
