package dev.vigil.sensors;

import java.time.Instant;

/**
 * Converts the kernel's CLOCK_MONOTONIC timestamps (bpf_ktime_get_ns) to Unix-epoch nanoseconds. HotSpot's
 * {@link System#nanoTime()} reads the same clock on Linux, so the offset between it and the wall clock, taken
 * once, converts every event. Immutable.
 */
public record WallClock(long epochMinusMonotonicNanos) {

    /** The offset measured now. */
    public static WallClock now() {
        Instant wall = Instant.now();
        long mono = System.nanoTime();
        return new WallClock(wall.getEpochSecond() * 1_000_000_000L + wall.getNano() - mono);
    }

    public long toEpochNanos(long monotonicNanos) {
        return monotonicNanos + epochMinusMonotonicNanos;
    }
}
