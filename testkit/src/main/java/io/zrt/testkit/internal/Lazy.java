package io.zrt.testkit.internal;

import java.util.function.Supplier;

/**
 * Computes a value once per JVM. A failure is remembered too, so that a missing component costs one
 * attempt, not one per test.
 */
public final class Lazy<T> {

    private final Supplier<T> supplier;
    private T value;
    private RuntimeException failure;

    public Lazy(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    public synchronized T get() {
        if (value == null && failure == null) {
            try {
                value = supplier.get();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
