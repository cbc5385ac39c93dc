package dev.vigil.sensors;

import dev.vigil.sql.spi.QueryContext;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One sensor's events, kept per kind (exec, exit and fork; connect, accept, bind and listen): each kind in its own
 * {@link EventStore} of at most events_max, so a flood of one kind (26,000 subshells forking and exiting) cannot
 * push another (the exec a detection needs) out. Event ids come from one sequence, so a table over several kinds
 * reads them merged in the order they arrived. Thread-safe: the sensor's reader thread adds while queries read.
 *
 * @param <E> the sensor's events
 */
public final class EventStores<E extends SensorEvent> {
    private final Map<String, EventStore<E>> byKind = new LinkedHashMap<>();

    /** Stores for these kinds, each bounded by the options' events_max and events_expiry. */
    public EventStores(SensorOptions options, List<String> kinds) {
        this(options.eventsMax(), options.eventsExpiry(), Clock.systemUTC(), kinds);
    }

    public EventStores(int eventsMax, Duration expiry, Clock clock, List<String> kinds) {
        AtomicLong ids = new AtomicLong();
        for (String kind : kinds) {
            byKind.put(kind, new EventStore<>(eventsMax, expiry, clock, ids));
        }
    }

    /** Stores with osquery's default limits, for tests. */
    public static <E extends SensorEvent> EventStores<E> withDefaults(List<String> kinds) {
        return new EventStores<>(EventStore.DEFAULT_EVENTS_MAX, EventStore.DEFAULT_EXPIRY, Clock.systemUTC(), kinds);
    }

    /** The kinds kept, in the order given. */
    public List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }

    /** The store of one kind. */
    public EventStore<E> kind(String kind) {
        EventStore<E> store = byKind.get(kind);
        if (store == null) {
            throw new IllegalArgumentException("no store for events of kind " + kind + "; kinds: " + byKind.keySet());
        }
        return store;
    }

    /** Stores the event with its kind's; returns its eid. */
    public long add(E event) {
        return kind(event.kind()).add(event);
    }

    /** Every retained event of these kinds, oldest first. */
    public List<EventStore.Stored<E>> all(Collection<String> kinds) {
        List<List<EventStore.Stored<E>>> parts = new ArrayList<>();
        for (String kind : kinds) {
            parts.add(kind(kind).all());
        }
        return merge(parts);
    }

    /** Every retained event, oldest first. */
    public List<EventStore.Stored<E>> all() {
        return all(byKind.keySet());
    }

    /**
     * The events of these kinds a scan should see, oldest first: those since the scheduled query's previous run, or
     * every retained one for an ad hoc query (see {@link EventStore#forScan}).
     */
    public List<EventStore.Stored<E>> forScan(QueryContext context, Collection<String> kinds) {
        List<List<EventStore.Stored<E>>> parts = new ArrayList<>();
        for (String kind : kinds) {
            parts.add(kind(kind).forScan(context));
        }
        return merge(parts);
    }

    /** What the stores of these kinds hold and have let go of. */
    public Counts counts(Collection<String> kinds) {
        long retained = 0;
        long evicted = 0;
        long expired = 0;
        for (String kind : kinds) {
            EventStore<E> store = kind(kind);
            expired += store.expired();
            retained += store.size();
            evicted += store.evicted();
        }
        return new Counts(retained, evicted, expired);
    }

    /** Counts over every kind. */
    public Counts counts() {
        return counts(byKind.keySet());
    }

    /**
     * @param retained events held now
     * @param evicted  events dropped because their kind's store was full (events_max)
     * @param expired  events dropped because they were older than events_expiry
     */
    public record Counts(long retained, long evicted, long expired) {
    }

    /** Merges lists each sorted by eid into one sorted by eid. */
    private static <E> List<EventStore.Stored<E>> merge(List<List<EventStore.Stored<E>>> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        int total = 0;
        for (List<EventStore.Stored<E>> p : parts) {
            total += p.size();
        }
        List<EventStore.Stored<E>> out = new ArrayList<>(total);
        int[] next = new int[parts.size()];
        while (out.size() < total) {
            int best = -1;
            for (int i = 0; i < parts.size(); i++) {
                if (next[i] < parts.get(i).size() && (best < 0
                        || parts.get(i).get(next[i]).eid() < parts.get(best).get(next[best]).eid())) {
                    best = i;
                }
            }
            out.add(parts.get(best).get(next[best]++));
        }
        return out;
    }
}
