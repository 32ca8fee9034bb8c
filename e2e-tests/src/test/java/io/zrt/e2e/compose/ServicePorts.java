package io.zrt.e2e.compose;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Reads a module's {@code server.port} from its packaged application.properties or application.yml. */
final class ServicePorts {

    private ServicePorts() {
    }

    static int serverPort(String module) {
        Path resources = RepoFiles.ROOT.resolve(module).resolve("src/main/resources");
        try {
            Path properties = resources.resolve("application.properties");
            if (Files.exists(properties)) {
                Properties p = new Properties();
                p.load(new StringReader(Files.readString(properties)));
                return Integer.parseInt(require(p.getProperty("server.port"), module));
            }
            for (String name : new String[] {"application.yml", "application.yaml"}) {
                Path yaml = resources.resolve(name);
                if (Files.exists(yaml)) {
                    Map<String, Object> root = ComposeFile.asMap(ComposeFile.yaml().load(Files.readString(yaml)), name);
                    Object server = root.get("server");
                    Object port = server instanceof Map<?, ?> m ? m.get("port") : root.get("server.port");
                    return Integer.parseInt(require(port == null ? null : port.toString(), module));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(module + " has no application.properties or application.yml");
    }

    private static String require(String value, String module) {
        if (value == null) {
            throw new IllegalStateException(module + " does not set server.port");
        }
        return value.strip();
    }
}
