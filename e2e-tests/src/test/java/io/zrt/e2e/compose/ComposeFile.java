package io.zrt.e2e.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A read-only view of a Compose file that smooths over the syntax variants Compose accepts (environment as a
 * map or a list, depends_on as a list or a map, ports in short or long form), so that the rules in
 * {@link ComposeRules} can be written once. Only what the rules need is modelled.
 */
final class ComposeFile {

    /** A published port; {@code hostIp} is empty when the port is bound on every interface. */
    record PublishedPort(String service, String hostIp, int published, int target, String protocol) {
    }

    /** One depends_on entry; the short (list) syntax means {@code service_started}. */
    record Dependency(String service, String dependsOn, String condition) {
    }

    private final String text;
    private final Map<String, Object> root;

    private ComposeFile(String text, Map<String, Object> root) {
        this.text = text;
        this.root = root;
    }

    static ComposeFile parse(String text) {
        Object loaded = yaml().load(text);
        if (!(loaded instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a compose file is a YAML mapping");
        }
        return new ComposeFile(text, asMap(loaded, "compose file"));
    }

    /** A YAML loader that builds plain maps, lists and scalars only (also reads JSON, a subset of YAML). */
    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    String text() {
        return text;
    }

    Set<String> serviceNames() {
        return services().keySet();
    }

    Map<String, Object> service(String name) {
        Object service = services().get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return asMap(service, "service " + name);
    }

    Optional<String> image(String service) {
        return Optional.ofNullable(service(service).get("image")).map(Object::toString);
    }

    /** The build section, or empty for services that run a published image. */
    Optional<Map<String, Object>> build(String service) {
        Object build = service(service).get("build");
        if (build == null) {
            return Optional.empty();
        }
        if (build instanceof String context) {
            return Optional.of(Map.of("context", context));
        }
        return Optional.of(asMap(build, service + ".build"));
    }

    Optional<Map<String, Object>> healthcheck(String service) {
        return Optional.ofNullable(service(service).get("healthcheck")).map(h -> asMap(h, service + ".healthcheck"));
    }

    /** The healthcheck command as a list of words (CMD form), or {@code [CMD-SHELL, line]}. */
    List<String> healthcheckTest(String service) {
        Object test = healthcheck(service).map(h -> h.get("test")).orElse(null);
        if (test instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (test instanceof String line) {
            return List.of("CMD-SHELL", line);
        }
        return List.of();
    }

    /** The restart policy; YAML 1.1 reads an unquoted {@code no} as false, which means the same. */
    String restart(String service) {
        Object restart = service(service).get("restart");
        if (restart == null || Boolean.FALSE.equals(restart)) {
            return "no";
        }
        return restart.toString();
    }

    List<String> command(String service) {
        return words(service(service).get("command"));
    }

    List<String> entrypoint(String service) {
        return words(service(service).get("entrypoint"));
    }

    Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(k.toString(), v == null ? "" : v.toString()));
        } else if (env instanceof List<?> list) {
            for (Object entry : list) {
                String line = entry.toString();
                int eq = line.indexOf('=');
                result.put(eq < 0 ? line : line.substring(0, eq), eq < 0 ? "" : line.substring(eq + 1));
            }
        }
        return result;
    }

    List<Dependency> dependencies(String service) {
        Object dependsOn = service(service).get("depends_on");
        List<Dependency> result = new ArrayList<>();
        if (dependsOn instanceof List<?> list) {
            list.forEach(d -> result.add(new Dependency(service, d.toString(), "service_started")));
        } else if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((name, spec) -> {
                Object condition = spec instanceof Map<?, ?> m ? m.get("condition") : null;
                result.add(new Dependency(service, name.toString(),
                        condition == null ? "service_started" : condition.toString()));
            });
        }
        return result;
    }

    /** Volume entries in short syntax ({@code source:target[:mode]}); long syntax entries as maps. */
    List<Object> volumes(String service) {
        Object volumes = service(service).get("volumes");
        return volumes instanceof List<?> list ? List.copyOf(list) : List.of();
    }

    /** The raw port entries; {@link ComposeRules#publishedPorts} interprets them. */
    List<Object> ports(String service) {
        Object ports = service(service).get("ports");
        return ports instanceof List<?> list ? List.copyOf(list) : List.of();
    }

    /** {@code stop_grace_period} as written (e.g. {@code 45s}), empty when Docker's default (10 s) applies. */
    Optional<String> stopGracePeriod(String service) {
        return Optional.ofNullable(service(service).get("stop_grace_period")).map(Object::toString);
    }

    /** {@code deploy.resources.limits}, empty map when there are none. */
    Map<String, Object> resourceLimits(String service) {
        Object deploy = service(service).get("deploy");
        Object resources = deploy instanceof Map<?, ?> d ? d.get("resources") : null;
        Object limits = resources instanceof Map<?, ?> r ? r.get("limits") : null;
        return limits == null ? Map.of() : asMap(limits, service + ".deploy.resources.limits");
    }

    /** The {@code logging} section (anchors already resolved), empty map when absent. */
    Map<String, Object> logging(String service) {
        Object logging = service(service).get("logging");
        return logging == null ? Map.of() : asMap(logging, service + ".logging");
    }

    /** Compose profiles the service belongs to; empty = always started. */
    List<String> profiles(String service) {
        return words(service(service).get("profiles"));
    }

    /** A service-level extension field ({@code x-...}), if present. */
    Optional<String> extension(String service, String name) {
        if (!name.startsWith("x-")) {
            throw new IllegalArgumentException("extension fields start with x-: " + name);
        }
        return Optional.ofNullable(service(service).get(name)).map(Object::toString);
    }

    /** The parsed file as plain maps and lists (for schema validation). */
    Map<String, Object> root() {
        return root;
    }

    Set<String> namedVolumes() {
        Object volumes = root.get("volumes");
        return volumes instanceof Map<?, ?> map ? asMap(map, "volumes").keySet() : Set.of();
    }

    private Map<String, Object> services() {
        Object services = root.get("services");
        if (services == null) {
            throw new IllegalArgumentException("compose file has no services");
        }
        return asMap(services, "services");
    }

    private static List<String> words(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof String line) {
            return List.of(line.trim().split("\\s+"));
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " is not a mapping");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        ((Map<Object, Object>) map).forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }
}
