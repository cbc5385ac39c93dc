package dev.vigil.bench;

import java.util.function.LongSupplier;

/** Waits, after a workload, for a tracer to finish processing what the workload caused. */
final class Settle {
    private static final long POLL_MILLIS = 100;
    private static final long MAX_MILLIS = 30_000;

    private Settle() {
    }

    /** Until count reaches expected, or has not moved for a second (events lost), or 30 s passed. */
    static void until(LongSupplier count, long expected) throws InterruptedException {
        long last = -1;
        long sameSince = System.nanoTime();
        long deadline = System.nanoTime() + MAX_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            long now = count.getAsLong();
            if (now >= expected) {
                return;
            }
            if (now != last) {
                last = now;
                sameSince = System.nanoTime();
            } else if (System.nanoTime() - sameSince > 1_000_000_000L) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Until value (a tracer's CPU time, or its log's size) stays the same over 3 polls, 300 ms, or 30 s passed. CPU
     * time moves in clock ticks (10 ms), so a busy tracer never looks steady.
     */
    static void untilSteady(LongSupplier value) throws InterruptedException {
        long last = value.getAsLong();
        int steady = 0;
        long deadline = System.nanoTime() + MAX_MILLIS * 1_000_000;
        while (steady < 3 && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            long now = value.getAsLong();
            steady = now == last ? steady + 1 : 0;
            last = now;
        }
    }

    /**
     * Until the JVM is idle: under 2% of one CPU over the last 200 ms (a started agent finishing its start-up:
     * JIT, class loading, the first scans), or 10 s passed. A workload measured right after a start would
     * otherwise pay for the start, which a deployed agent pays once.
     */
    static void untilIdle() throws InterruptedException {
        untilIdle(JvmCpu::nanos);
    }

    /** Until a tracer's CPU time (nanoseconds) grows by under 2% of one CPU over 200 ms, or 10 s passed. */
    static void untilIdle(LongSupplier cpuNanos) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long last = cpuNanos.getAsLong();
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            long now = cpuNanos.getAsLong();
            if (now - last < 4_000_000) {
                return;
            }
            last = now;
        }
    }
}
