package io.zrt.relay.support;

import io.zrt.relay.MessageRelayApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A relay in its own JVM (the test's class path), so that it can be killed abruptly with SIGKILL. */
public final class RelayProcess {

    private final Process process;
    private final String instanceId;

    private RelayProcess(Process process, String instanceId) {
        this.process = process;
        this.instanceId = instanceId;
    }

    public static RelayProcess start(Map<String, String> properties, Path logFile) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", classPath, MessageRelayApplication.class.getName()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--spring.main.web-application-type=none");
        command.add("--logging.level.io.zrt.relay=INFO");
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        return new RelayProcess(process, properties.get("zrt.relay.instance-id"));
    }

    public String instanceId() {
        return instanceId;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful drain. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
