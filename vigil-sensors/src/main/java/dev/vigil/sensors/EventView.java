package dev.vigil.sensors;

/**
 * A stored event as an event table's columns see it: the event, its id, and the executable of its process as it
 * was when the event happened (from the event, else from the exec events the process sensor saw).
 *
 * @param eid the store's event id (osquery's eid: increasing, never reused)
 */
public record EventView<E extends SensorEvent>(long eid, E event, ExecutableIndex executables) {

    /** The path of the process's executable at the event, or null if unknown. */
    public String path(String fromEvent) {
        return fromEvent != null ? fromEvent : executables.pathAt(event.pid(), event.monotonicNanos());
    }

    /** The event's time in seconds since the epoch. */
    public long time() {
        return event.timeNanos() / 1_000_000_000L;
    }

    /** The event's time in seconds since boot. */
    public long uptime() {
        return event.monotonicNanos() / 1_000_000_000L;
    }
}
