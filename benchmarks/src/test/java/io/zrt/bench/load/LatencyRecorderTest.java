package io.zrt.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void nearestRankQuantilesDoNotDependOnArrivalOrder() {
        List<Long> values = new ArrayList<>();
        for (long v = 1; v <= 200; v++) {
            values.add(v * 1000);
        }
        Collections.shuffle(values, new java.util.Random(7));
        LatencyRecorder recorder = new LatencyRecorder(1000);
        values.forEach(recorder::record);

        LatencyRecorder.Stats stats = recorder.stats();

        assertThat(stats.count()).isEqualTo(200);
        assertThat(stats.p50()).isEqualTo(100_000);   // 100th of 200
        assertThat(stats.p99()).isEqualTo(198_000);   // 198th of 200
        assertThat(stats.max()).isEqualTo(200_000);
        assertThat(stats.mean()).isEqualTo(100_500.0);
    }

    @Test
    void aSingleSampleIsEveryQuantile() {
        LatencyRecorder recorder = new LatencyRecorder(4);
        recorder.record(5_000_000);

        LatencyRecorder.Stats stats = recorder.stats();

        assertThat(stats.p50()).isEqualTo(5_000_000);
        assertThat(stats.p99()).isEqualTo(5_000_000);
        assertThat(stats.p50Millis()).isEqualTo(5.0);
    }

    @Test
    void nothingRecordedGivesTheEmptyStats() {
        assertThat(new LatencyRecorder(4).stats()).isEqualTo(LatencyRecorder.Stats.EMPTY);
    }

    @Test
    void samplesBeyondTheCapacityAreCountedButNotKept() {
        LatencyRecorder recorder = new LatencyRecorder(3);
        recorder.record(1);
        recorder.record(2);
        recorder.record(3);
        recorder.record(1_000_000); // dropped: it must not become the max

        LatencyRecorder.Stats stats = recorder.stats();

        assertThat(stats.count()).isEqualTo(4);
        assertThat(stats.max()).isEqualTo(3);
    }

    @Test
    void refusesNegativeLatenciesAndCapacities() {
        assertThatThrownBy(() -> new LatencyRecorder(4).record(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyRecorder(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
