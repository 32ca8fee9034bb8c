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
 * production: free loopback ports for the API and for the actuator (management port), its own temporary
 * working directory (so embedded databases and data directories land there and vanish with it), the log
 * captured to {@code service.log}, readiness judged by the readiness probe
 * ({@code GET /actuator/health/readiness} on the management port) answering {@code "UP"}. Closing it, or JVM
 * exit, stops the process.
 *
 * <p>Services run as in development: with the Spring profile {@code local} (unless the arguments set
 * {@code spring.profiles.active}), so that a service given no database URL starts its embedded one, and from
 * {@code <module>-local.jar} when it lies beside the given jar (the production jar carries no embedded
 * database). A service given a database URL uses it under {@code local} too.
 *
 * <p>A missing jar skips the calling test, or fails it under {@code ZRT_REQUIRE_INFRA=true} (docs/testkit.md).
 */
public final class ServiceProcess implements AutoCloseable {

    /** The Spring profile for development defaults (embedded databases when no URL is given). */
    public static final String LOCAL_PROFILE = "local";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final ManagedProcess process;
    private final int port;
    private final int managementPort;

    private ServiceProcess(String name, ManagedProcess process, int port, int managementPort) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts {@code jar} with {@code --key=value} arguments; {@code server.port} is chosen here unless given. */
    public static ServiceProcess start(Path jar, Map<String, String> args) {
        return start(jar, args, Map.of());
    }

    /**
     * Starts {@code jar} (or its {@code -local} variant, see above) with Spring arguments ({@code --key=value})
     * and extra environment variables, and waits until its readiness probe reports UP.
     */
    public static ServiceProcess start(Path jar, Map<String, String> args, Map<String, String> environment) {
        Path absoluteJar = localVariant(jar.toAbsolutePath().normalize());
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        if (!Files.isRegularFile(absoluteJar)) {
            throw Unavailable.of(name, List.of("no packaged jar at " + absoluteJar
                    + " (build it with ./mvnw -pl <module> -am package)"));
        }
        // A caller may pin the port (a restart that clients must find again); otherwise a free one is taken.
        int port = args.containsKey("server.port") ? Integer.parseInt(args.get("server.port")) : FreePorts.loopback();
        int managementPort = args.containsKey("management.server.port")
                ? Integer.parseInt(args.get("management.server.port")) : FreePorts.loopback();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", Integer.toString(port));
        all.put("server.address", "127.0.0.1");
        all.put("management.server.port", Integer.toString(managementPort));
        all.put("management.server.address", "127.0.0.1");
        all.put("spring.profiles.active", LOCAL_PROFILE);
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
        ServiceProcess service = new ServiceProcess(name, process, port, managementPort);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(service.managementUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        process.awaitReady(() -> {
            HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        }, START_TIMEOUT);
        return service;
    }

    /** {@code target/<module>-local.jar} beside {@code jar} if there is one, else {@code jar}. */
    static Path localVariant(Path jar) {
        String file = jar.getFileName().toString();
        if (!file.endsWith(".jar") || file.endsWith("-local.jar")) {
            return jar;
        }
        Path local = jar.resolveSibling(file.substring(0, file.length() - ".jar".length()) + "-local.jar");
        return Files.isRegularFile(local) ? local : jar;
    }

    /** The API: {@code http://127.0.0.1:<port>} without a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The actuator (health, metrics, Prometheus): {@code http://127.0.0.1:<management port>}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
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
        return "ServiceProcess[" + name + " at " + url() + ", management " + managementUrl() + "]";
    }
}
