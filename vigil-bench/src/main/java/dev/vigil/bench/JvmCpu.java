package dev.vigil.bench;

import java.lang.management.ManagementFactory;

/** CPU time this JVM has used, all threads (reader threads, JIT, GC included): the agent's cost. */
final class JvmCpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private JvmCpu() {
    }

    static long nanos() {
        return OS.getProcessCpuTime();
    }
}
