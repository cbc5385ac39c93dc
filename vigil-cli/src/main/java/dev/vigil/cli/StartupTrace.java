package dev.vigil.cli;

/**
 * With {@code VIGIL_TRACE_STARTUP=1} in the environment, prints how long after the JVM started each phase of a
 * one-shot command ended, on stderr. For start-up tuning; silent otherwise.
 */
final class StartupTrace {
    private static final boolean ON = System.getenv("VIGIL_TRACE_STARTUP") != null;

    private StartupTrace() {
    }

    static void mark(String phase) {
        if (ON) {
            long ms = ProcessHandle.current().info().startInstant()
                    .map(start -> System.currentTimeMillis() - start.toEpochMilli()).orElse(-1L);
            System.err.printf("startup: %5d ms  %s%n", ms, phase);
        }
    }
}
