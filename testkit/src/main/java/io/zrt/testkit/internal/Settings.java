package io.zrt.testkit.internal;

import java.util.Optional;

/**
 * Reads testkit settings. A JVM system property of the same name wins over the environment variable, so
 * a build tool can pass settings without touching the environment.
 */
public final class Settings {

    private Settings() {
    }

    /** The value of {@code name} as a system property or environment variable, if non-blank. */
    public static Optional<String> get(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * True when missing infrastructure must fail tests instead of skipping them: environment variable
     * {@code ZRT_REQUIRE_INFRA=true} or system property {@code zrt.require-infra=true}.
     */
    public static boolean infrastructureRequired() {
        return "true".equalsIgnoreCase(get("zrt.require-infra").orElse(""))
                || "true".equalsIgnoreCase(get("ZRT_REQUIRE_INFRA").orElse(""));
    }

    /** False when {@code ZRT_TESTKIT_DOCKER=false}: never try Testcontainers even if Docker runs. */
    public static boolean dockerAllowed() {
        return !"false".equalsIgnoreCase(get("ZRT_TESTKIT_DOCKER").orElse(""));
    }
}
