package vn.hocba.export.transport.http.internal;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter: attempt n waits between half and all of {@code min(max, initial * 2^(n-1))}. */
record BackOff(long initialMillis, long maxMillis) {

    long delayBefore(int nextAttempt) {
        long ceiling = initialMillis;
        for (int i = 2; i < nextAttempt && ceiling < maxMillis; i++) ceiling *= 2;
        ceiling = Math.min(ceiling, maxMillis);
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }
}
