package dev.vigil.cli;

import java.lang.management.ManagementFactory;

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
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.printf("startup: %5d ms  %s%n", ms, phase);
        }
    }
}
