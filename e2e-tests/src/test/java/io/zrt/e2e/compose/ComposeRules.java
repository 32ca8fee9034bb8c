package io.zrt.e2e.compose;

import io.zrt.e2e.compose.ComposeFile.Dependency;
import io.zrt.e2e.compose.ComposeFile.PublishedPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural rules for a Compose file, each returning the list of violations it found (empty = fine), so that a
 * test can both require the real file to pass and show, on a broken file, that the rule notices.
 */
final class ComposeRules {

    static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");

    /** {@code $$} is an escaped dollar; {@code ${NAME}}, {@code ${NAME:-x}}, {@code ${NAME:?msg}} … are references. */
    private static final Pattern BRACED = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");
    private static final Pattern UNBRACED = Pattern.compile("\\$\\$|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SHORT_PORT = Pattern.compile(
            "^(?:(?<ip>[0-9.]+):)?(?<published>[0-9]+):(?<target>[0-9]+)(?:/(?<proto>tcp|udp))?$");

    private ComposeRules() {
    }

    /** One-shot services: never restarted and awaited by someone with {@code service_completed_successfully}. */
    static Set<String> oneShotServices(ComposeFile compose) {
        Set<String> awaited = new LinkedHashSet<>();
        for (String service : compose.serviceNames()) {
            compose.dependencies(service).stream()
                    .filter(d -> d.condition().equals("service_completed_successfully"))
                    .forEach(d -> awaited.add(d.dependsOn()));
        }
        awaited.removeIf(s -> !compose.serviceNames().contains(s) || !compose.restart(s).equals("no"));
        return awaited;
    }

    /** Where a service states why it can have no health check (its image has nothing to probe with). */
    static final String HEALTHCHECK_EXEMPTION = "x-healthcheck-exempt";

    /**
     * Every long-running service has a health check that really runs a command, unless it states with
     * {@value #HEALTHCHECK_EXEMPTION} why none can run; nobody may then wait for it to be healthy.
     */
    static List<String> healthcheckViolations(ComposeFile compose) {
        Set<String> oneShot = oneShotServices(compose);
        List<String> violations = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            if (oneShot.contains(service)) {
                continue;
            }
            Optional<String> exemption = compose.extension(service, HEALTHCHECK_EXEMPTION);
            if (exemption.isPresent()) {
                if (exemption.get().isBlank() || compose.healthcheck(service).isPresent()) {
                    violations.add(service + ": " + HEALTHCHECK_EXEMPTION + " needs a reason and no healthcheck");
                }
                continue;
            }
            List<String> test = compose.healthcheckTest(service);
            boolean disabled = compose.healthcheck(service).map(h -> Boolean.TRUE.equals(h.get("disable")))
                    .orElse(false);
            if (test.size() < 2 || disabled || test.get(0).equals("NONE")
                    || !(test.get(0).equals("CMD") || test.get(0).equals("CMD-SHELL"))) {
                violations.add(service + ": no usable healthcheck (test = " + test + ")");
            }
        }
        return violations;
    }

    /**
     * depends_on names existing services, uses a known condition that waits for readiness (never the bare
     * "started"), waits for health only where a health check exists, waits for completion only of one-shot
     * services, and has no cycles.
     */
    static List<String> dependencyViolations(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (String service : compose.serviceNames()) {
            graph.put(service, new ArrayList<>());
            for (Dependency d : compose.dependencies(service)) {
                String where = service + " -> " + d.dependsOn();
                if (!compose.serviceNames().contains(d.dependsOn())) {
                    violations.add(where + ": no such service");
                    continue;
                }
                graph.get(service).add(d.dependsOn());
                if (!CONDITIONS.contains(d.condition())) {
                    violations.add(where + ": unknown condition " + d.condition());
                } else if (d.condition().equals("service_started")) {
                    violations.add(where + ": waits only for the container to start, not for readiness");
                } else if (d.condition().equals("service_healthy") && compose.healthcheckTest(d.dependsOn()).isEmpty()) {
                    violations.add(where + ": service_healthy, but " + d.dependsOn() + " has no healthcheck");
                } else if (d.condition().equals("service_completed_successfully")
                        && !compose.restart(d.dependsOn()).equals("no")) {
                    violations.add(where + ": awaits completion of a service that restarts");
                }
            }
        }
        findCycle(graph).ifPresent(cycle -> violations.add("dependency cycle: " + String.join(" -> ", cycle)));
        return violations;
    }

    private static Optional<List<String>> findCycle(Map<String, List<String>> graph) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (String start : graph.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> cycle = visit(start, graph, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String node, Map<String, List<String>> graph,
            Map<String, Integer> state, List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return Optional.empty();
        }
        path.add(node);
        if (s != null && s == 1) {
            return Optional.of(List.copyOf(path.subList(path.indexOf(node), path.size())));
        }
        state.put(node, 1);
        for (String next : graph.getOrDefault(node, List.of())) {
            Optional<List<String>> cycle = visit(next, graph, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        state.put(node, 2);
        path.remove(path.size() - 1);
        return Optional.empty();
    }

    /** Parses every published port; malformed entries are reported into {@code violations}. */
    static List<PublishedPort> publishedPorts(ComposeFile compose, List<String> violations) {
        List<PublishedPort> ports = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            for (Object entry : compose.ports(service)) {
                if (entry instanceof Map<?, ?> map) {
                    Object published = map.get("published");
                    Object target = map.get("target");
                    if (published == null || target == null) {
                        violations.add(service + ": long port entry needs published and target: " + map);
                        continue;
                    }
                    ports.add(new PublishedPort(service, String.valueOf(map.get("host_ip") == null ? "" : map.get("host_ip")),
                            Integer.parseInt(published.toString()), Integer.parseInt(target.toString()),
                            map.get("protocol") == null ? "tcp" : map.get("protocol").toString()));
                } else if (entry instanceof String text) {
                    Matcher m = SHORT_PORT.matcher(text);
                    if (!m.matches()) {
                        violations.add(service + ": unsupported port entry '" + text + "'");
                        continue;
                    }
                    ports.add(new PublishedPort(service, m.group("ip") == null ? "" : m.group("ip"),
                            Integer.parseInt(m.group("published")), Integer.parseInt(m.group("target")),
                            m.group("proto") == null ? "tcp" : m.group("proto")));
                } else {
                    // An unquoted 8080:8080 is a base-60 integer to a YAML 1.1 reader: always quote ports.
                    violations.add(service + ": port entry " + entry + " is not a quoted string");
                }
            }
        }
        return ports;
    }

    /** No two published ports can claim the same host port (an all-interfaces binding clashes with any IP). */
    static List<String> portViolations(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        List<PublishedPort> ports = publishedPorts(compose, violations);
        for (int i = 0; i < ports.size(); i++) {
            for (int j = i + 1; j < ports.size(); j++) {
                PublishedPort a = ports.get(i);
                PublishedPort b = ports.get(j);
                boolean sameAddress = a.hostIp().equals(b.hostIp()) || isAnyAddress(a.hostIp()) || isAnyAddress(b.hostIp());
                if (a.published() == b.published() && a.protocol().equals(b.protocol()) && sameAddress) {
                    violations.add("host port " + a.published() + "/" + a.protocol() + " published by both "
                            + a.service() + " and " + b.service());
                }
            }
        }
        return violations;
    }

    private static boolean isAnyAddress(String ip) {
        return ip.isEmpty() || ip.equals("0.0.0.0");
    }

    /** Names of all {@code ${NAME…}} references in {@code text}. */
    static Set<String> variableReferences(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = BRACED.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Variables written as {@code $NAME} (easy to misread and to mistype); {@code $$} escapes are fine. */
    static List<String> unbracedReferences(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = UNBRACED.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                found.add("$" + m.group(1));
            }
        }
        return found;
    }

    /** KEY=VALUE lines of an env file; comments and blank lines skipped. */
    static Map<String, String> parseEnvFile(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not KEY=VALUE: " + line);
            }
            values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return values;
    }

    /** Every referenced variable is defined in the example env file. */
    static List<String> undefinedVariables(ComposeFile compose, Map<String, String> envExample) {
        List<String> violations = new ArrayList<>();
        for (String name : variableReferences(compose.text())) {
            if (!envExample.containsKey(name)) {
                violations.add("${" + name + "} is used but not defined in .env.example");
            }
        }
        unbracedReferences(compose.text()).forEach(v -> violations.add(v + " is not written as ${...}"));
        return violations;
    }

    /** Bind-mount sources exist under {@code root}; named volumes are declared at the top level. */
    static List<String> volumeViolations(ComposeFile compose, Path root) {
        List<String> violations = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            for (Object entry : compose.volumes(service)) {
                if (!(entry instanceof String text)) {
                    violations.add(service + ": long volume syntax is not used here: " + entry);
                    continue;
                }
                String source = text.split(":")[0];
                if (source.startsWith("./") || source.startsWith("../")) {
                    if (!Files.exists(root.resolve(source).normalize())) {
                        violations.add(service + ": bind-mount source " + source + " does not exist");
                    }
                } else if (source.startsWith("/")) {
                    violations.add(service + ": absolute host path " + source + " ties the file to one machine");
                } else if (!compose.namedVolumes().contains(source)) {
                    violations.add(service + ": volume " + source + " is not declared under volumes:");
                }
            }
        }
        return violations;
    }

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    /** A Compose duration such as {@code 45s}, {@code 1m30s} or {@code 500ms}. */
    static java.time.Duration duration(String text) {
        Matcher m = DURATION_PART.matcher(text.strip());
        java.time.Duration total = java.time.Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> java.time.Duration.ofMillis(n);
                case "s" -> java.time.Duration.ofSeconds(n);
                case "m" -> java.time.Duration.ofMinutes(n);
                default -> java.time.Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end != text.strip().length() || end == 0) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return total;
    }

    /** Docker kills a container this long after SIGTERM. */
    static java.time.Duration gracePeriod(ComposeFile compose, String service) {
        return compose.stopGracePeriod(service).map(ComposeRules::duration).orElse(DOCKER_DEFAULT_GRACE);
    }

    static final java.time.Duration DOCKER_DEFAULT_GRACE = java.time.Duration.ofSeconds(10);

    /** Every service has a CPU and a memory limit, so that one runaway container cannot starve the others. */
    static List<String> resourceLimitViolations(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            Map<String, Object> limits = compose.resourceLimits(service);
            for (String key : List.of("cpus", "memory")) {
                if (limits.get(key) == null || limits.get(key).toString().isBlank()) {
                    violations.add(service + ": no deploy.resources.limits." + key);
                }
            }
        }
        return violations;
    }

    /** Every service rotates its logs (json-file or local driver with a size and a file-count limit). */
    static List<String> loggingViolations(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            Map<String, Object> logging = compose.logging(service);
            Object driver = logging.get("driver");
            Object options = logging.get("options");
            Map<String, Object> opts = options instanceof Map<?, ?> o ? ComposeFile.asMap(o, "options") : Map.of();
            if (!("json-file".equals(driver) || "local".equals(driver))
                    || opts.get("max-size") == null || opts.get("max-file") == null) {
                violations.add(service + ": logs are not rotated (logging: driver json-file, max-size, max-file)");
            }
        }
        return violations;
    }

    /** Images carry an explicit tag other than latest. */
    static List<String> imageViolations(ComposeFile compose) {
        List<String> violations = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            String image = compose.image(service).orElse(null);
            if (image == null) {
                if (compose.build(service).isEmpty()) {
                    violations.add(service + ": neither image nor build");
                }
                continue;
            }
            int slash = image.lastIndexOf('/');
            int colon = image.lastIndexOf(':');
            if (colon <= slash || image.endsWith(":latest")) {
                violations.add(service + ": image " + image + " is not pinned to a tag");
            }
        }
        return violations;
    }
}
