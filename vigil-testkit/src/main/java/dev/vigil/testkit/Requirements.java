package dev.vigil.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test needs of the machine: root, the privileges to load BPF programs, a command. A test whose need is not
 * met is skipped, except where the environment variable {@value #STRICT} is 1: then it fails, so that a CI machine,
 * which runs as root on a kernel with BPF, can never pass by skipping (.ci/run sets it).
 */
public final class Requirements {
    /** The switch that turns skips into failures. */
    public static final String STRICT = "VIGIL_TESTS_STRICT";
    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_PERFMON = 38;
    private static final int CAP_BPF = 39;

    private Requirements() {
    }

    /** True when skips are failures. */
    public static boolean strict() {
        return "1".equals(System.getenv(STRICT));
    }

    /** Skips (or, strict, fails) the test unless the condition holds. */
    public static void require(boolean met, String what) {
        if (met) {
            return;
        }
        if (strict()) {
            fail(what + " (" + STRICT + "=1 turns this skip into a failure)");
        }
        assumeTrue(false, what);
    }

    /** The test runs as root. */
    public static void requireRoot() {
        require("root".equals(System.getProperty("user.name")) || uid() == 0, "needs root");
    }

    /** This process may load and attach tracing BPF programs (CAP_BPF and CAP_PERFMON, or CAP_SYS_ADMIN). */
    public static void requireBpf() {
        long caps = effectiveCapabilities();
        boolean bpf = has(caps, CAP_SYS_ADMIN) || has(caps, CAP_BPF) && has(caps, CAP_PERFMON);
        require(bpf, "needs the privileges to load BPF programs (root, or CAP_BPF and CAP_PERFMON)");
    }

    /** An executable of this name is on the PATH. */
    public static void requireCommand(String name) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                found = true;
                break;
            }
        }
        require(found, "needs the command " + name);
    }

    /** Waits up to 10 s for the condition; true if it became true. */
    public static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private static boolean has(long caps, int capability) {
        return (caps & (1L << capability)) != 0;
    }

    private static long effectiveCapabilities() {
        return statusField("CapEff:", 16);
    }

    private static long uid() {
        return statusField("Uid:", 10);
    }

    /** The first number of a /proc/self/status line, in the given radix; -1 if absent. */
    private static long statusField(String key, int radix) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseUnsignedLong(line.substring(key.length()).trim().split("\\s+")[0], radix);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
