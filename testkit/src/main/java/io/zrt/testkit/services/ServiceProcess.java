package io.zrt.testkit.services;

import io.zrt.testkit.internal.FreePorts;
import io.zrt.testkit.internal.ManagedProcess;
import io.zrt.testkit.internal.TempDirs;
import io.zrt.testkit.internal.Unavailable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the suite's Spring Boot services started from its packaged jar as a separate JVM, the way it runs in
 * production: a free loopback port, its own temporary working directory (so embedded databases and data
 * directories land there and vanish with it), the log captured to {@code service.log}, readiness judged by
 * {@code GET /actuator/health} answering {@code "UP"}. Closing it, or JVM exit, stops the process.
 *
 * <p>A missing jar skips the calling test, or fails it under {@code ZRT_REQUIRE_INFRA=true} (docs/testkit.md).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final ManagedProcess process;
    private final int port;

    private ServiceProcess(String name, ManagedProcess process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** Starts {@code jar} with {@code --key=value} arguments; {@code server.port} is chosen here unless given. */
    public static ServiceProcess start(Path jar, Map<String, String> args) {
        return start(jar, args, Map.of());
    }

    /**
     * Starts {@code jar} with Spring arguments ({@code --key=value}) and extra environment variables, and
     * waits until its health endpoint reports UP.
     */
    public static ServiceProcess start(Path jar, Map<String, String> args, Map<String, String> environment) {
        Path absoluteJar = jar.toAbsolutePath().normalize();
        String name = absoluteJar.getFileName().toString().replaceFirst("\\.jar$", "");
        if (!Files.isRegularFile(absoluteJar)) {
            throw Unavailable.of(name, List.of("no packaged jar at " + absoluteJar
                    + " (build it with ./mvnw -pl <module> -am package)"));
        }
        // A caller may pin the port (a restart that clients must find again); otherwise a free one is taken.
        int port = args.containsKey("server.port") ? Integer.parseInt(args.get("server.port")) : FreePorts.loopback();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", Integer.toString(port));
        all.put("server.address", "127.0.0.1");
        all.putAll(args);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(absoluteJar.toString());
        all.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path workDir = TempDirs.create("zrt-" + name + "-");
        // Inherited SPRING_* variables would silently reconfigure the service under test.
        ManagedProcess process = ManagedProcess.start(name, command, workDir,
                variable -> !variable.startsWith("SPRING_") && !variable.startsWith("ZRT_"), environment);
        ServiceProcess service = new ServiceProcess(name, process, port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        process.awaitReady(() -> {
            HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        }, START_TIMEOUT);
        return service;
    }

    /** {@code http://127.0.0.1:<port>} without a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The captured log file ({@code service.log} is {@code server.log} of the managed process). */
    public Path logFile() {
        return process.workDir().resolve("server.log");
    }

    /** The end of the service's log, for assertion messages. */
    public String logTail() {
        return process.logTail();
    }

    /** SIGKILL, for crash tests: the service gets no chance to flush or shut down. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "ServiceProcess[" + name + " at " + url() + "]";
    }
}
