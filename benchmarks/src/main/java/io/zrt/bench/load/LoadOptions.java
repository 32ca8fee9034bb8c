package io.zrt.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Command line of {@link FullStackLoad}. Every knob is bounded so that a run always ends by itself and only
 * talks to this machine: at most {@link #MAX_DURATION} of sending, at most {@link #MAX_RATE} messages per
 * second, and service URLs that must name a loopback host.
 *
 * @param groups      M, the number of groups
 * @param members     N, members per group (the owner included); every member is also a live receiver
 * @param warmup      sending before the measurement starts (not counted; warms the JITs of every JVM)
 * @param duration    the measured sending period
 * @param rate        offered chat messages per second, over all groups together
 * @param policy      key-update policy of the senders during the measurement
 * @param probes      raw JetStream → Centrifugo probes of the transport baseline (0 skips it)
 * @param nodeUrl     a running Node, or null to start the whole stack here
 * @param transistor  a running Transistor (only with {@code nodeUrl})
 * @param centrifugo  a running Centrifugo (only with {@code nodeUrl})
 * @param natsUrl     the NATS of a running stack, for the transport baseline
 * @param relayUrl    the relay actuator of a running stack, for its latency metric
 * @param nodeManagementUrl the Node's actuator (management port) of a running stack, for its request timings
 * @param repo        the repository root holding {@code <module>/target/<module>.jar}
 */
record LoadOptions(int groups, int members, Duration warmup, Duration duration, int rate, Policy policy,
        int probes, String nodeUrl, String transistor, String centrifugo, String natsUrl, String relayUrl,
        String nodeManagementUrl, Path repo) {

    static final Duration MAX_DURATION = Duration.ofMinutes(10);
    static final int MAX_RATE = 1000;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    /** Key-update behaviour of senders while measuring. */
    enum Policy {
        /** KeyUpdatePolicy.manual(): no key updates, the epoch stays put, only chat frames flow. */
        MANUAL,
        /** KeyUpdatePolicy.afterOthersSpoke(), the reference behaviour: epochs churn under concurrent senders. */
        REFERENCE
    }

    static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar io.zrt.bench.load.FullStackLoad [options]
              --groups M            groups (default 4, 1..50)
              --members N           members per group, owner included (default 3, 2..20)
              --duration 20s        measured sending time (default 20s, at most 10m)
              --warmup 5s           unmeasured sending first (default 5s)
              --rate R              chat messages per second over all groups (default 20, 1..1000)
              --policy manual|reference   senders' key-update policy (default manual)
              --probes P            raw JetStream->SSE baseline probes (default 100, 0 = skip)
              --node URL --transistor URL --centrifugo URL [--nats URL] [--relay URL] [--node-management URL]
                                    target a running stack (e.g. scripts/run-local.sh; loopback only);
                                    the baseline needs --nats (default nats://127.0.0.1:4222) and
                                    ZRT_PUSH_HMAC_SECRET in the environment; the relay's
                                    actuator (default http://127.0.0.1:8083) gives its latency, the
                                    Node's (default http://127.0.0.1:8081) its request timings
              --repo DIR            repository root with the service jars (default .)
            """;

    LoadOptions {
        requireRange("--groups", groups, 1, 50);
        requireRange("--members", members, 2, 20);
        requireRange("--rate", rate, 1, MAX_RATE);
        requireRange("--probes", probes, 0, 10_000);
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration must be positive and at most " + MAX_DURATION);
        }
        if (warmup.isNegative() || warmup.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--warmup must be between 0 and " + MAX_DURATION);
        }
        if (nodeUrl != null) {
            requireLoopback("--node", nodeUrl);
            requireLoopback("--transistor", transistor);
            requireLoopback("--centrifugo", centrifugo);
            requireLoopback("--nats", natsUrl);
            requireLoopback("--relay", relayUrl);
            requireLoopback("--node-management", nodeManagementUrl);
        } else if (transistor != null || centrifugo != null) {
            throw new IllegalArgumentException("--transistor/--centrifugo need --node (a running stack)");
        }
    }

    /** True when the services are already running somewhere on this machine. */
    boolean targetsRunningStack() {
        return nodeUrl != null;
    }

    static LoadOptions parse(List<String> args) {
        int groups = 4;
        int members = 3;
        Duration warmup = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(20);
        int rate = 20;
        Policy policy = Policy.MANUAL;
        int probes = 100;
        String node = null;
        String transistor = null;
        String centrifugo = null;
        String nats = null;
        String relay = null;
        String nodeManagement = null;
        Path repo = Path.of(".");
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--groups" -> groups = integer(option, value);
                case "--members" -> members = integer(option, value);
                case "--warmup" -> warmup = duration(option, value);
                case "--duration" -> duration = duration(option, value);
                case "--rate" -> rate = integer(option, value);
                case "--policy" -> policy = policy(value);
                case "--probes" -> probes = integer(option, value);
                case "--node" -> node = value;
                case "--transistor" -> transistor = value;
                case "--centrifugo" -> centrifugo = value;
                case "--nats" -> nats = value;
                case "--relay" -> relay = value;
                case "--node-management" -> nodeManagement = value;
                case "--repo" -> repo = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (node != null && nats == null) {
            nats = "nats://127.0.0.1:4222";
        }
        if (node != null && relay == null) {
            relay = "http://127.0.0.1:8083";
        }
        if (node != null && nodeManagement == null) {
            nodeManagement = "http://127.0.0.1:8081";
        }
        return new LoadOptions(groups, members, warmup, duration, rate, policy, probes, node, transistor,
                centrifugo, nats, relay, nodeManagement, repo);
    }

    /** Accepts {@code 500ms}, {@code 20s}, {@code 2m} or a bare number of seconds. */
    static Duration duration(String option, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a duration: " + value);
        }
    }

    private static Policy policy(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "manual" -> Policy.MANUAL;
            case "reference", "after-others-spoke" -> Policy.REFERENCE;
            default -> throw new IllegalArgumentException("--policy must be manual or reference: " + value);
        };
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not an integer: " + value);
        }
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be in " + min + ".." + max + ": " + value);
        }
    }

    /** The load test only ever sends to this machine. */
    static void requireLoopback(String option, String url) {
        if (url == null) {
            throw new IllegalArgumentException(option + " is required with --node");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": not a URL: " + url);
        }
        String host = uri.getHost();
        if (host == null || !LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(option + " must point at a loopback host: " + url);
        }
    }
}
