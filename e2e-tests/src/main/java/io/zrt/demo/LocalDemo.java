package io.zrt.demo;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs the demo conversation against running services and prints its transcript:
 * {@code java -jar e2e-tests/target/zrt-demo.jar --node URL --transistor URL [--centrifugo URL]}.
 */
public final class LocalDemo {

    private LocalDemo() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> options = parse(args);
        DemoConversation.Endpoints endpoints = new DemoConversation.Endpoints(
                options.getOrDefault("--node", "http://127.0.0.1:8080"),
                options.getOrDefault("--transistor", "http://127.0.0.1:8001"),
                options.get("--centrifugo"));
        ConversationLog log = new ConversationLog(System.out);
        log.note("node " + endpoints.nodeUrl() + ", transistor " + endpoints.transistorUrl() + ", live push "
                + (endpoints.centrifugoUrl() == null ? "off" : "via " + endpoints.centrifugoUrl()));
        DemoConversation.Outcome outcome = new DemoConversation(log).run(endpoints);
        System.out.println();
        boolean carolLockedOut = !outcome.carolRead().contains(DemoConversation.SECRET_AFTER_REMOVAL);
        boolean bobHeardEverything = outcome.bobRead().contains(DemoConversation.SECRET_AFTER_REMOVAL);
        System.out.printf("== result: final epoch %d; Bob read %d messages%s; Carol is %s and %s%n",
                outcome.finalEpoch(), outcome.bobRead().size(), outcome.bobWasLive() ? " live" : "",
                outcome.carolStatus(), carolLockedOut ? "could not read the message after her removal"
                        : "READ A MESSAGE SHE SHOULD NOT HAVE");
        if (!carolLockedOut || !bobHeardEverything) {
            System.exit(1);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (!key.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "usage: --node URL --transistor URL [--centrifugo URL] (got '" + key + "')");
            }
            options.put(key, args[++i]);
        }
        return options;
    }
}
