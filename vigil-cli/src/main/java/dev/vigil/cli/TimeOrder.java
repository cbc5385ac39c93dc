package dev.vigil.cli;

import dev.vigil.sensors.SensorEvent;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts the events of several sensors back in the order they happened, for a live stream. Each sensor has its own
 * ring buffer and reader thread, so an exec and the connect the new program makes a moment later can arrive the other
 * way round. Events wait here for a short window after they arrive and leave in kernel-time order: the earliest
 * leaves once it has waited the window, so whatever happened before it and arrived less than a window after it
 * leaves first. An event that arrives later than that is passed on late, out of order, never dropped. Thread-safe;
 * the sink runs under this object's lock.
 */
final class TimeOrder {
    private record Held(SensorEvent event, long arrivedNanos, long sequence) {
    }

    private static final Comparator<Held> BY_TIME = Comparator.comparingLong((Held h) -> h.event().monotonicNanos())
            .thenComparingLong(Held::sequence);

    private final PriorityQueue<Held> held = new PriorityQueue<>(BY_TIME);
    private final long windowNanos;
    private final Consumer<SensorEvent> sink;
    private long sequence;

    TimeOrder(Duration window, Consumer<SensorEvent> sink) {
        this.windowNanos = window.toNanos();
        this.sink = sink;
    }

    /** Holds an event that arrived at nowNanos (System.nanoTime). */
    synchronized void offer(SensorEvent event, long nowNanos) {
        held.add(new Held(event, nowNanos, sequence++));
    }

    /** Passes on, earliest first, the events whose turn has come at nowNanos; returns how many. */
    synchronized int release(long nowNanos) {
        int n = 0;
        while (!held.isEmpty() && nowNanos - held.peek().arrivedNanos() >= windowNanos) {
            sink.accept(held.poll().event());
            n++;
        }
        return n;
    }

    /** Passes on every event held, earliest first (at the end of a stream). */
    synchronized void flush() {
        while (!held.isEmpty()) {
            sink.accept(held.poll().event());
        }
    }
}
