package io.zrt.crypto.ristretto;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Opt-in parallelism for the large fixed-base multiplications: the system property {@code zrt.msm.threads}
 * (default 1, single-threaded) splits the terms of {@link FixedBaseMsm} multiplications into that many
 * independent parts run on the common fork-join pool, whose sums are then added. The results do not depend
 * on the setting.
 */
public final class MsmThreads {
    /** Below this many terms per part, splitting costs more (doublings, reductions) than it saves. */
    static final int MIN_TERMS_PER_PART = 256;

    private MsmThreads() {
    }

    /** The configured number of parts, clamped to [1, 64]. */
    public static int configured() {
        return Math.max(1, Math.min(64, Integer.getInteger("zrt.msm.threads", 1)));
    }

    /** How many parts {@code work} items should be split into. */
    static int partsFor(int work) {
        return Math.max(1, Math.min(configured(), work / MIN_TERMS_PER_PART));
    }

    /** Evaluates part(0 .. parts-1), in parallel when there is more than one part. */
    public static <T> List<T> run(int parts, IntFunction<T> part) {
        if (parts <= 1) {
            return List.of(part.apply(0));
        }
        return IntStream.range(0, parts).parallel().mapToObj(part).toList();
    }

    /** Start of part p when {@code total} items are split into {@code parts} nearly equal ranges. */
    static int start(int total, int parts, int p) {
        return (int) ((long) total * p / parts);
    }
}
