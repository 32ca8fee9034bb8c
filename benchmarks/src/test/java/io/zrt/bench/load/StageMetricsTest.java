package io.zrt.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageMetricsTest {

    private static final String BEFORE = """
            # HELP http_server_requests_seconds
            # TYPE http_server_requests_seconds summary
            http_server_requests_seconds_count{method="POST",status="201",uri="/v1/groups/{groupId}/frames",} 10.0
            http_server_requests_seconds_sum{method="POST",status="201",uri="/v1/groups/{groupId}/frames",} 0.5
            http_server_requests_seconds_count{method="GET",status="200",uri="/v1/groups/{groupId}/frames",} 99.0
            http_server_requests_seconds_sum{method="GET",status="200",uri="/v1/groups/{groupId}/frames",} 9.0
            http_server_requests_seconds_count{method="POST",status="200",uri="/v1/push/token",} 7.0
            zrt_relay_ack_latency_seconds{quantile="0.5",} 0.004
            zrt_relay_ack_latency_seconds{quantile="0.99",} 0.02
            garbage line without a value
            """;
    private static final String AFTER = BEFORE.replace("201\",uri=\"/v1/groups/{groupId}/frames\",} 10.0",
            "201\",uri=\"/v1/groups/{groupId}/frames\",} 30.0")
            .replace("201\",uri=\"/v1/groups/{groupId}/frames\",} 0.5", "201\",uri=\"/v1/groups/{groupId}/frames\",} 0.9")
            + "http_server_requests_seconds_count{method=\"POST\",status=\"409\",uri=\"/v1/groups/{groupId}/frames\",} 2.0\n"
            + "http_server_requests_seconds_sum{method=\"POST\",status=\"409\",uri=\"/v1/groups/{groupId}/frames\",} 0.1\n";

    @Test
    void theWindowMeanComesFromTheDifferenceOfCountsAndSums() {
        StageMetrics.Totals before = StageMetrics.totals(BEFORE, StageMetrics.NODE_REQUESTS, StageMetrics.FRAME_POSTS);
        StageMetrics.Totals after = StageMetrics.totals(AFTER, StageMetrics.NODE_REQUESTS, StageMetrics.FRAME_POSTS);

        assertThat(before).isEqualTo(new StageMetrics.Totals(10, 0.5));
        StageMetrics.Totals window = after.minus(before);
        assertThat(window.count()).isEqualTo(22.0);              // 20 more 201s and two 409s; GETs excluded
        assertThat(window.meanMillis()).isCloseTo(500.0 / 22, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void quantilesAreReadInMilliseconds() {
        assertThat(StageMetrics.quantileMillis(BEFORE, StageMetrics.RELAY_ACK, "0.99")).hasValue(20.0);
        assertThat(StageMetrics.quantileMillis(BEFORE, StageMetrics.RELAY_ACK, "0.9")).isEmpty();
    }

    @Test
    void noSamplesMeansNoMean() {
        assertThat(StageMetrics.totals("", StageMetrics.RELAY_ACK, StageMetrics.ANY).meanMillis()).isNaN();
        assertThat(StageMetrics.scrape(null)).isEmpty();
    }
}
