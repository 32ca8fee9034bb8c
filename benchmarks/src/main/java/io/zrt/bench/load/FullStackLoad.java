package io.zrt.bench.load;

import io.zrt.client.KeyUpdatePolicy;
import java.time.Duration;
import java.util.List;

/**
 * Load test of the whole system: M groups of N members send chat messages through node-service,
 * message-relay, NATS JetStream and Centrifugo, and every other member receives them live over SSE. Reports
 * POST→SSE delivery latency (p50/p99/max), sustained frames/s and errors, next to baselines measured in the
 * same run. Either starts the local stack itself (the run-local.sh layout on free ports) or targets a running
 * one given by URLs. Only loopback addresses are contacted; sending is paced and bounded in time, and the
 * program exits by itself. See docs/testing.md, "Load test".
 */
public final class FullStackLoad {

    private static final Duration PROBE_GAP = Duration.ofMillis(10);

    private FullStackLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            status = run(options);
        } catch (Exception e) {
            System.err.println("load test failed: " + e);
            status = 1;
        }
        System.exit(status); // OkHttp and the testkit keep non-daemon threads; their processes stop at exit
    }

    static int run(LoadOptions options) throws Exception {
        LocalStack local = null;
        StackEndpoints stack;
        String description;
        if (options.targetsRunningStack()) {
            stack = new StackEndpoints(options.nodeUrl(), options.transistor(), options.centrifugo(),
                    options.natsUrl(), options.relayUrl(), options.nodeManagementUrl(),
                    System.getenv("ZRT_PUSH_HMAC_SECRET"));
            description = "running at " + stack;
            if (options.rate() * 60.0 / options.groups() > 1200) {
                System.out.println("note: more than 1200 frames per group and minute; a Node with the default "
                        + "rate limit answers 429 (the SDK retries)");
            }
        } else {
            System.out.println("== starting the local stack (node, transistor, relay, NATS, Centrifugo)");
            long t = System.nanoTime();
            local = LocalStack.start(options.repo());
            stack = local.endpoints();
            description = String.format(java.util.Locale.ROOT, "started here in %.0f s (%s)",
                    (System.nanoTime() - t) / 1e9, stack);
        }
        try {
            return measure(options, stack, description);
        } catch (Exception e) {
            if (local != null) {
                System.err.println(local.logTails());
            }
            throw e;
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    private static int measure(LoadOptions options, StackEndpoints stack, String description) throws Exception {
        TransportProbe.Result baseline = null;
        if (options.probes() > 0 && stack.canProbeTransport()) {
            System.out.println("== transport baseline: " + options.probes() + " JetStream publish->SSE probes");
            baseline = new TransportProbe(stack).run(options.probes(), PROBE_GAP);
        }
        System.out.printf("== creating %d groups of %d members%n", options.groups(), options.members());
        long t = System.nanoTime();
        try (LoadGroups groups = LoadGroups.create(stack, options.groups(), options.members())) {
            double setupSeconds = (System.nanoTime() - t) / 1e9;
            groups.useKeyUpdatePolicy(options.policy() == LoadOptions.Policy.MANUAL
                    ? KeyUpdatePolicy.manual() : KeyUpdatePolicy.afterOthersSpoke());
            LoadRun run = new LoadRun(groups, options.rate(), options.members());
            groups.subscribeAll(member -> run.listener());
            if (!groups.awaitConnected(30_000)) {
                throw new IllegalStateException("not every member's SSE subscription connected within 30 s");
            }
            System.out.printf("== sending %d msg/s: %d s warm-up, %d s measured%n", options.rate(),
                    options.warmup().toSeconds(), options.duration().toSeconds());
            String[] node = new String[2];
            String[] relay = new String[2];
            LoadRun.Outcome outcome = run.run(options.warmup(), options.duration(), () -> {
                node[0] = StageMetrics.scrape(stack.nodeManagementUrl()).orElse(null);
                relay[0] = StageMetrics.scrape(stack.relayUrl()).orElse(null);
            }, () -> {
                node[1] = StageMetrics.scrape(stack.nodeManagementUrl()).orElse(null);
                relay[1] = StageMetrics.scrape(stack.relayUrl()).orElse(null);
            });
            LoadReport.print(System.out, options, description, setupSeconds, outcome, baseline,
                    groups.reconnections(), groups.maxEpoch(), LoadReport.Stages.of(node, relay));
            boolean clean = outcome.sendErrors() == 0 && outcome.deliveries() == outcome.expectedDeliveries();
            return clean ? 0 : 3;
        }
    }
}
