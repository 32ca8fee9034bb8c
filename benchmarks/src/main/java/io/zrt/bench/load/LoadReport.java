package io.zrt.bench.load;

import java.io.PrintStream;
import java.util.Locale;

/** The summary table of a run, in plain text. */
final class LoadReport {

    private LoadReport() {
    }

    static void print(PrintStream out, LoadOptions options, String stackDescription, double setupSeconds,
            LoadRun.Outcome run, TransportProbe.Result baseline, int reconnections, long maxEpoch, Stages stages) {
        double seconds = run.window().toMillis() / 1000.0;
        out.println();
        out.println("== ZRT full-stack load test");
        out.printf(Locale.ROOT, "   %d groups x %d members (every member subscribed over SSE), key updates: %s%n",
                options.groups(), options.members(), options.policy() == LoadOptions.Policy.MANUAL
                        ? "manual (no epoch churn)" : "reference afterOthersSpoke()");
        out.printf(Locale.ROOT, "   offered %d msg/s for %ds after %ds warm-up; stack: %s%n", options.rate(),
                run.window().toSeconds(), options.warmup().toSeconds(), stackDescription);
        out.printf(Locale.ROOT, "   setup (create groups, invites, joins, sync): %.1f s%n", setupSeconds);
        out.println();
        out.printf(Locale.ROOT, "   %-44s %9s %9s %9s %9s%n", "latency", "count", "p50 ms", "p99 ms", "max ms");
        row(out, "POST->SSE delivery (chat, at each receiver)", run.delivery());
        row(out, "sendChat alone (build, POST, own frame)", run.send());
        if (baseline != null) {
            row(out, "baseline: JetStream publish->SSE (raw)", baseline.delivery());
            row(out, "baseline: JetStream publish ack", baseline.publishAck());
        }
        stages.print(out);
        out.println();
        out.printf(Locale.ROOT, "   throughput over the measured %.0f s:%n", seconds);
        out.printf(Locale.ROOT, "     offered %.1f msg/s, sent %.1f msg/s (%d skipped: sender still busy)%n",
                run.offered() / seconds, run.sent() / seconds, run.skippedBusy());
        out.printf(Locale.ROOT, "     delivered %.1f frames/s over SSE to members (%d chat deliveries of %d "
                + "expected)%n", run.framesDeliveredInWindow() / seconds, run.deliveries(), run.expectedDeliveries());
        out.printf(Locale.ROOT, "   errors: %d send, %d live, %d deliveries missing after the drain%s%n",
                run.sendErrors(), run.listenerErrors(), Math.max(0, run.expectedDeliveries() - run.deliveries()),
                run.errorKinds().isEmpty() ? "" : " " + run.errorKinds());
        out.printf(Locale.ROOT, "   SSE reconnections: %d; highest epoch reached: %d%n", reconnections, maxEpoch);
        if (baseline != null && baseline.delivery().count() > 0) {
            out.printf(Locale.ROOT, "   ratios to the raw transport: delivery p50 %.1fx, p99 %.1fx; "
                    + "sendChat p50 %.1fx%n",
                    ratio(run.delivery().p50(), baseline.delivery().p50()),
                    ratio(run.delivery().p99(), baseline.delivery().p99()),
                    ratio(run.send().p50(), baseline.delivery().p50()));
            if (baseline.lost() > 0) {
                out.printf(Locale.ROOT, "   baseline probes lost: %d%n", baseline.lost());
            }
        } else {
            out.println("   (no transport baseline: it needs the NATS URL and ZRT_PUSH_HMAC_SECRET)");
        }
    }

    /** The services' own view of the measured window (NaN where a metrics endpoint did not answer). */
    record Stages(double nodePostMeanMillis, double nodePosts, double relayAckMeanMillis, double relayAcks,
            double relayP50Millis, double relayP99Millis) {

        /** From the Prometheus texts scraped at the window's start ([0]) and end ([1]); entries may be null. */
        static Stages of(String[] node, String[] relay) {
            StageMetrics.Totals posts = window(node, StageMetrics.NODE_REQUESTS, StageMetrics.FRAME_POSTS);
            StageMetrics.Totals acks = window(relay, StageMetrics.RELAY_ACK, StageMetrics.ANY);
            return new Stages(posts.meanMillis(), posts.count(), acks.meanMillis(), acks.count(),
                    relay[1] == null ? Double.NaN : StageMetrics.quantileMillis(relay[1], StageMetrics.RELAY_ACK,
                            "0.5").orElse(Double.NaN),
                    relay[1] == null ? Double.NaN : StageMetrics.quantileMillis(relay[1], StageMetrics.RELAY_ACK,
                            "0.99").orElse(Double.NaN));
        }

        private static StageMetrics.Totals window(String[] texts, String timer,
                java.util.function.Predicate<String> labels) {
            if (texts[0] == null || texts[1] == null) {
                return new StageMetrics.Totals(0, 0);
            }
            return StageMetrics.totals(texts[1], timer, labels).minus(StageMetrics.totals(texts[0], timer, labels));
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "   stages (services' metrics, measured window): Node frame POST handling mean "
                    + "%.2f ms (%.0f POSTs); relay stored->JetStream ack mean %.2f ms (%.0f), rolling p50 %.2f / "
                    + "p99 %.2f ms%n", nodePostMeanMillis, nodePosts, relayAckMeanMillis, relayAcks, relayP50Millis,
                    relayP99Millis);
        }
    }

    private static void row(PrintStream out, String name, LatencyRecorder.Stats stats) {
        out.printf(Locale.ROOT, "   %-44s %9d %9.2f %9.2f %9.2f%n", name, stats.count(), stats.p50Millis(),
                stats.p99Millis(), stats.maxMillis());
    }

    static double ratio(long value, long baseline) {
        return baseline == 0 ? Double.NaN : (double) value / baseline;
    }
}
