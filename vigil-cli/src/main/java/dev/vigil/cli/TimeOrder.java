package dev.vigil.cli;

import dev.vigil.sensors.SensorEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Puts the events of several sensors back in the order they happened, for a live stream. Each sensor has its own
 * ring buffer and reader thread, so an exec and the connect the new program makes a moment later can arrive the other
 * way round. Events wait here for a short window after they arrive and leave in kernel-time order: the earliest
 * leaves once it has waited the window, so whatever happened before it and arrived less than a window after it
 * leaves first. An event that arrives later than that is passed on late, out of order, never dropped.
 *
 * <p>Bounded: when the printer falls behind (a slow pipe), at most {@code capacity} events wait; the ones that find
 * it full are counted, never held, so the sensors' readers never block and memory stays flat. Thread-safe; events are
 * handed out, not printed, under the lock.
 */
final class TimeOrder {
    private record Held(SensorEvent event, long arrivedNanos, long sequence) {
    }

    private static final Comparator<Held> BY_TIME = Comparator.comparingLong((Held h) -> h.event().monotonicNanos())
            .thenComparingLong(Held::sequence);

    private final PriorityQueue<Held> held = new PriorityQueue<>(BY_TIME);
    private final long windowNanos;
    private final int capacity;
    private long sequence;
    private long refused;

    TimeOrder(Duration window, int capacity) {
        this.windowNanos = window.toNanos();
        this.capacity = capacity;
    }

    /** Holds an event that arrived at nowNanos (System.nanoTime); false, and counted, if the queue is full. */
    synchronized boolean offer(SensorEvent event, long nowNanos) {
        if (held.size() >= capacity) {
            refused++;
            return false;
        }
        held.add(new Held(event, nowNanos, sequence++));
        return true;
    }

    /** The events whose turn has come at nowNanos, earliest first, no longer held. */
    synchronized List<SensorEvent> due(long nowNanos) {
        List<SensorEvent> out = new ArrayList<>();
        while (!held.isEmpty() && nowNanos - held.peek().arrivedNanos() >= windowNanos) {
            out.add(held.poll().event());
        }
        return out;
    }

    /** Every event held, earliest first (at the end of a stream). */
    synchronized List<SensorEvent> drain() {
        List<SensorEvent> out = new ArrayList<>(held.size());
        while (!held.isEmpty()) {
            out.add(held.poll().event());
        }
        return out;
    }

    /** Events refused because the queue was full: the output could not keep up. */
    synchronized long refused() {
        return refused;
    }
}
