package io.zrt.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * Where the time goes, from the services' own Prometheus endpoints: the Node's server-side handling of frame
 * POSTs ({@code http_server_requests_seconds}) and the relay's Node-stored → JetStream-acknowledged latency
 * ({@code zrt_relay_ack_latency_seconds}). Timer count and sum are read before and after the measured window,
 * so the difference gives the window's mean exactly; the relay's p50/p99 are Micrometer's rolling quantiles
 * (a window of about two minutes), i.e. approximate.
 */
final class StageMetrics {

    static final String NODE_REQUESTS = "http_server_requests_seconds";
    static final String RELAY_ACK = "zrt_relay_ack_latency_seconds";
    static final Predicate<String> FRAME_POSTS = labels -> labels.contains("method=\"POST\"")
            && labels.contains("/frames");
    static final Predicate<String> ANY = labels -> true;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StageMetrics() {
    }

    /** Count and sum (seconds) of a timer, summed over the label sets that match. */
    record Totals(double count, double sumSeconds) {
        Totals minus(Totals earlier) {
            return new Totals(count - earlier.count, sumSeconds - earlier.sumSeconds);
        }

        /** Mean in milliseconds, NaN without samples. */
        double meanMillis() {
            return count <= 0 ? Double.NaN : sumSeconds / count * 1000;
        }
    }

    /** The Prometheus text of {@code baseUrl}, or empty when the service does not answer. */
    static Optional<String> scrape(String baseUrl) {
        if (baseUrl == null) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Totals totals(String prometheus, String timer, Predicate<String> labels) {
        double count = 0;
        double sum = 0;
        for (String line : prometheus.split("\n")) {
            Sample sample = Sample.parse(line);
            if (sample == null || !labels.test(sample.labels)) {
                continue;
            }
            if (sample.name.equals(timer + "_count")) {
                count += sample.value;
            } else if (sample.name.equals(timer + "_sum")) {
                sum += sample.value;
            }
        }
        return new Totals(count, sum);
    }

    /** A published quantile of {@code timer} in milliseconds ({@code quantile} as written, e.g. "0.99"). */
    static OptionalDouble quantileMillis(String prometheus, String timer, String quantile) {
        for (String line : prometheus.split("\n")) {
            Sample sample = Sample.parse(line);
            if (sample != null && sample.name.equals(timer) && sample.labels.contains("quantile=\"" + quantile + "\"")) {
                return OptionalDouble.of(sample.value * 1000);
            }
        }
        return OptionalDouble.empty();
    }

    /** One exposition line {@code name{labels} value}; null for comments and anything malformed. */
    private record Sample(String name, String labels, double value) {
        static Sample parse(String line) {
            if (line.isBlank() || line.startsWith("#")) {
                return null;
            }
            int open = line.indexOf('{');
            int close = line.lastIndexOf('}');
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                return null;
            }
            String name = open > 0 ? line.substring(0, open) : line.substring(0, space).trim();
            String labels = open > 0 && close > open ? line.substring(open + 1, close) : "";
            try {
                return new Sample(name, labels, Double.parseDouble(line.substring(space + 1).trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
