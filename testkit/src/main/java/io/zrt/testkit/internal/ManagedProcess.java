package io.zrt.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server binary running in its own temporary directory. Output goes to {@code server.log} there. Closing
 * it (or JVM exit) stops the process and deletes the directory.
 */
public final class ManagedProcess implements AutoCloseable {

    /** A readiness probe; throwing or returning false both mean "not yet". */
    @FunctionalInterface
    public interface Probe {
        boolean ready() throws Exception;
    }

    private final String name;
    private final Process process;
    private final Path workDir;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path workDir, Path logFile) {
        this.name = name;
        this.process = process;
        this.workDir = workDir;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} in {@code workDir} (which this object then owns). {@code environmentFilter}
     * removes inherited variables that would change the server's behaviour; {@code extraEnvironment} is
     * added afterwards.
     */
    public static ManagedProcess start(String name, List<String> command, Path workDir,
            Predicate<String> environmentFilter, Map<String, String> extraEnvironment) {
        Path logFile = workDir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().keySet().removeIf(environmentFilter.negate());
        builder.environment().putAll(extraEnvironment);
        try {
            ManagedProcess started = new ManagedProcess(name, builder.start(), workDir, logFile);
            Cleanup.atExit(started);
            return started;
        } catch (IOException e) {
            TempDirs.deleteRecursively(workDir);
            throw new UncheckedIOException("could not start " + name + " " + command, e);
        }
    }

    /** Waits until {@code probe} succeeds; on timeout or early exit stops the process and throws with its log. */
    public void awaitReady(Probe probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = logTail();
                close();
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + ":\n" + log);
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (Exception notYet) {
                // keep polling until the deadline
            }
            sleep(50);
        }
        String log = logTail();
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + log);
    }

    public Path workDir() {
        return workDir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last part of the server's output, for error messages. */
    public String logTail() {
        try {
            String text = Files.readString(logFile, StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Kills the process the hard way (SIGKILL: no shutdown hooks, nothing flushed) and waits until it is gone,
     * for crash tests; the working directory is removed like on {@link #close()}.
     */
    public void kill() {
        Cleanup.forget(this);
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
        TempDirs.deleteRecursively(workDir);
    }

    @Override
    public void close() {
        Cleanup.forget(this);
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        TempDirs.deleteRecursively(workDir);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server", e);
        }
    }
}
