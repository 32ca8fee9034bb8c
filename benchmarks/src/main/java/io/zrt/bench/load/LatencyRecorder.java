package io.zrt.bench.load;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds from many threads; quantiles by the nearest-rank rule on the exact samples
 * (a run holds at most a few hundred thousand, so no histogram approximation is needed). Memory is bounded:
 * samples beyond {@code capacity} are counted but not kept.
 */
final class LatencyRecorder {

    private final int capacity;
    private long[] samples = new long[1024];
    private int size;
    private long dropped;

    LatencyRecorder(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    synchronized void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("negative latency " + nanos);
        }
        if (size == capacity) {
            dropped++;
            return;
        }
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, Math.min(capacity, samples.length * 2));
        }
        samples[size++] = nanos;
    }

    /** The current quantiles; {@link Stats#EMPTY} when nothing was recorded. */
    synchronized Stats stats() {
        if (size == 0) {
            return Stats.EMPTY;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        double sum = 0;
        for (long sample : sorted) {
            sum += sample;
        }
        return new Stats(size + dropped, rank(sorted, 0.50), rank(sorted, 0.99), sorted[size - 1], sum / size);
    }

    /** Nearest rank: the smallest sample with at least {@code q} of all samples at or below it. */
    static long rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Count and quantiles in nanoseconds. */
    record Stats(long count, long p50, long p99, long max, double mean) {
        static final Stats EMPTY = new Stats(0, 0, 0, 0, 0);

        double p50Millis() {
            return p50 / 1e6;
        }

        double p99Millis() {
            return p99 / 1e6;
        }

        double maxMillis() {
            return max / 1e6;
        }
    }
}
