package dev.vigil.sensors;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How sensors run.
 *
 * @param eventsMax       events each event table keeps at most (osquery's events_max)
 * @param eventsExpiry    how long events are kept (osquery's events_expiry)
 * @param ringBufferBytes each sensor's ring buffer size: a power of two, at least one page
 * @param wakeupBytes     batch wakeups: the reader is woken each time the pending bytes cross a multiple of this
 *                        power of two (0: every record). Wakeups are dear: each costs the traced thread tens of microseconds in a VM
 *                        (irq_work, an IPI), so the default is a quarter of the ring buffer
 * @param pollTimeout     the longest a record waits in the ring buffer when wakeups are batched
 * @param lowLatency      wake the reader for every record (for live tracing); costs more per event
 * @param ignoreSelf      drop events caused by this JVM itself
 * @param sensors         the sensors to start, by name (process, socket, dns); empty starts all
 * @param keepEvents      keep events in the stores for the event tables; false for a live stream that no query reads
 *                        ({@code vigil trace}), so its memory does not grow with events nobody asks for
 */
public record SensorOptions(int eventsMax, Duration eventsExpiry, int ringBufferBytes, long wakeupBytes,
                            Duration pollTimeout, boolean lowLatency, boolean ignoreSelf, Set<String> sensors,
                            boolean keepEvents) {

    public SensorOptions {
        Objects.requireNonNull(eventsExpiry);
        Objects.requireNonNull(pollTimeout);
        sensors = Set.copyOf(sensors);
        if (Integer.bitCount(ringBufferBytes) != 1 || ringBufferBytes < 4096) {
            throw new IllegalArgumentException("ring buffer size must be a power of two of at least 4096: " + ringBufferBytes);
        }
        if (wakeupBytes < 0 || Long.bitCount(wakeupBytes) > 1) {
            throw new IllegalArgumentException("wakeup batch must be 0 or a power of two: " + wakeupBytes);
        }
    }

    /** osquery's event limits, an 8 MiB ring buffer, wakeups batched by a quarter of it, 50 ms poll timeout. */
    public static SensorOptions defaults() {
        int ring = 8 << 20;
        return new SensorOptions(EventStore.DEFAULT_EVENTS_MAX, EventStore.DEFAULT_EXPIRY, ring, ring / 4,
                Duration.ofMillis(50), false, false, Set.of(), true);
    }

    public SensorOptions withLowLatency(boolean on) {
        return new SensorOptions(eventsMax, eventsExpiry, ringBufferBytes, wakeupBytes, pollTimeout, on, ignoreSelf, sensors,
                keepEvents);
    }

    /** Another ring buffer size; wakeups are then batched by a quarter of it. */
    public SensorOptions withRingBufferBytes(int bytes) {
        return new SensorOptions(eventsMax, eventsExpiry, bytes, bytes / 4, pollTimeout, lowLatency, ignoreSelf, sensors,
                keepEvents);
    }

    public SensorOptions withSensors(Set<String> names) {
        return new SensorOptions(eventsMax, eventsExpiry, ringBufferBytes, wakeupBytes, pollTimeout, lowLatency, ignoreSelf, names,
                keepEvents);
    }

    public SensorOptions withEventLimits(int max, Duration expiry) {
        return new SensorOptions(max, expiry, ringBufferBytes, wakeupBytes, pollTimeout, lowLatency, ignoreSelf, sensors,
                keepEvents);
    }

    /** Whether events are kept for the event tables (false: only live listeners get them). */
    public SensorOptions withKeepEvents(boolean keep) {
        return new SensorOptions(eventsMax, eventsExpiry, ringBufferBytes, wakeupBytes, pollTimeout, lowLatency, ignoreSelf, sensors,
                keep);
    }

    public boolean enabled(String sensor) {
        return sensors.isEmpty() || sensors.contains(sensor);
    }
}
