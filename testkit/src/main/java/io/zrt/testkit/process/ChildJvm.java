package io.zrt.testkit.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A main class run in a JVM of its own with the current classpath, for tests that must kill a process at a
 * chosen point (SIGKILL: no shutdown hook, no finally block, no flush) and check what survives. Its standard
 * output and error are collected line by line; {@link #awaitLine} waits for a marker the child prints when it
 * reached the point of interest. Killed at close, and at JVM exit if still running.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Object changed = new Object();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** Starts {@code mainClass} with {@code args}, the same java binary and classpath as this JVM. */
    public static ChildJvm start(Class<?> mainClass, List<String> args, Map<String, String> environment,
            List<String> jvmOptions) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new ChildJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + mainClass.getName(), e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                synchronized (changed) {
                    changed.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process ended
        } finally {
            synchronized (changed) {
                changed.notifyAll();
            }
        }
    }

    /**
     * The first output line matching {@code marker}, waiting up to {@code timeout}.
     *
     * @throws AssertionError if the process ended or the time ran out first (with its output)
     */
    public String awaitLine(Predicate<String> marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                for (String line : lines) {
                    if (marker.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && lines.stream().noneMatch(marker))) {
                    if (!process.isAlive()) {
                        Thread.sleep(50); // let the reader drain the last lines
                        for (String line : lines) {
                            if (marker.test(line)) {
                                return line;
                            }
                        }
                    }
                    throw new AssertionError((process.isAlive() ? "timed out" : "child exited "
                            + process.exitValue()) + " before the expected line; output:\n" + output());
                }
                TimeUnit.NANOSECONDS.timedWait(changed, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** SIGKILL (on Unix; {@link Process#destroyForcibly()}), then waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child did not die within 30 s");
        }
    }

    /** Waits for a normal end; the exit code. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child still running after " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the child printed so far. */
    public String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
