package io.zrt.demo;

import java.io.PrintStream;

/** A readable, timed record of the demo: each line shows the time since the start and the step's own time. */
public final class ConversationLog {

    private final PrintStream out;
    private final long start = System.nanoTime();
    private long stepStart = start;

    public ConversationLog(PrintStream out) {
        this.out = out;
    }

    /** Marks the start of a step; {@link #done} reports how long it took. */
    public void begin() {
        stepStart = System.nanoTime();
    }

    public void done(String who, String what) {
        long now = System.nanoTime();
        out.printf("  %7.1f s  %-6s %s  (%d ms)%n", (now - start) / 1e9, who, what, (now - stepStart) / 1_000_000);
        stepStart = now;
    }

    public void note(String text) {
        out.printf("  %7.1f s         %s%n", (System.nanoTime() - start) / 1e9, text);
    }

    public void heading(String text) {
        out.println();
        out.println("== " + text);
    }
}
