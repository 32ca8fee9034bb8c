package io.zrt.e2e.compose;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a module's packaged configuration (application.properties or application.yml) says about its ports and
 * its graceful stop, read the way Spring Boot would: YAML nesting flattened to dotted keys.
 */
final class ServicePorts {

    private ServicePorts() {
    }

    static int serverPort(String module) {
        return Integer.parseInt(require(module, "server.port"));
    }

    /** {@code management.server.port}, or the server port when the actuator shares it (the relay: its only port). */
    static int managementPort(String module) {
        String port = settings(module).get("management.server.port");
        return port == null ? serverPort(module) : Integer.parseInt(port);
    }

    /** How long Spring waits for each shutdown phase (in-flight requests, the relay's drain): 30 s by default. */
    static Duration shutdownPhaseTimeout(String module) {
        return Duration.parse("PT" + settings(module).getOrDefault("spring.lifecycle.timeout-per-shutdown-phase", "30s")
                .toUpperCase(java.util.Locale.ROOT));
    }

    static Map<String, String> settings(String module) {
        Path resources = RepoFiles.ROOT.resolve(module).resolve("src/main/resources");
        try {
            Path properties = resources.resolve("application.properties");
            if (Files.exists(properties)) {
                Properties p = new Properties();
                p.load(new StringReader(Files.readString(properties)));
                Map<String, String> flat = new LinkedHashMap<>();
                p.stringPropertyNames().forEach(name -> flat.put(name, p.getProperty(name).strip()));
                return flat;
            }
            for (String name : new String[] {"application.yml", "application.yaml"}) {
                Path yaml = resources.resolve(name);
                if (Files.exists(yaml)) {
                    Map<String, String> flat = new LinkedHashMap<>();
                    flatten("", ComposeFile.asMap(ComposeFile.yaml().load(Files.readString(yaml)), name), flat);
                    return flat;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(module + " has no application.properties or application.yml");
    }

    private static void flatten(String prefix, Map<String, Object> map, Map<String, String> into) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, ComposeFile.asMap(nested, name), into);
            } else if (value != null) {
                into.put(name, value.toString().strip());
            }
        });
    }

    private static String require(String module, String key) {
        String value = settings(module).get(key);
        if (value == null) {
            throw new IllegalStateException(module + " does not set " + key);
        }
        return value;
    }
}
