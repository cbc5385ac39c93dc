package dev.vigil.sensors;

import dev.vigil.bpf.FeatureProbe;
import dev.vigil.bpf.Unsupported;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Test helpers for sensors on the real kernel. */
public final class RootOnly {
    private RootOnly() {
    }

    /** Skips the test unless this process may load tracing programs. */
    public static void assumeBpfPrivileges() {
        Unsupported why = new FeatureProbe().checkPrivileges();
        assumeTrue(why == null, () -> "not privileged: " + why);
    }

    /** Waits up to 10 s for the condition. */
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
}
