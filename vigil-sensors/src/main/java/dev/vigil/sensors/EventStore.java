package dev.vigil.sensors;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events of one kind a sensor delivered, bounded and expiring like osquery's event buffers: at most
 * {@code eventsMax} (osquery's {@code events_max}, default 50,000; the oldest go first) and none older than
 * {@code expiry} ({@code events_expiry}, default 3,600 s), so memory stays flat under an event storm. Each kind has
 * its own store ({@link EventStores}), so a flood of one kind cannot evict another.
 *
 * <p>Reads: {@link #all()} gives every retained event (ad hoc queries); {@link #since(String)} gives a named reader
 * the events added since its previous call, each once (osquery's {@code events_optimize} for scheduled queries).
 *
 * <p>Thread-safe: one sensor thread adds while query threads read.
 *
 * @param <E> the event type
 */
public final class EventStore<E> {
    /** osquery's defaults. */
    public static final int DEFAULT_EVENTS_MAX = 50_000;
    public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(3600);

    /** A retained event with its store-assigned id (osquery's eid: increasing, never reused) and arrival time. */
    public record Stored<E>(long eid, long addedMillis, E event) {
    }

    private final int eventsMax;
    private final long expiryMillis;
    private final Clock clock;
    private final ArrayDeque<Stored<E>> events = new ArrayDeque<>();
    /** Where each named reader's current window lies: eids in (from, to], fixed for the run that set it. */
    private record Window(long run, long from, long to) {
    }

    private final Map<String, Window> readers = new HashMap<>();
    private final AtomicLong ids;
    private long anonymousRuns = -1; // runs of since(String), kept apart from callers' run numbers (positive)
    private long evicted;
    private long expired;

    public EventStore(int eventsMax, Duration expiry, Clock clock) {
        this(eventsMax, expiry, clock, new AtomicLong());
    }

    /**
     * @param ids the sequence eids are drawn from: shared by the stores of one sensor's kinds, so their events
     *            merge back into the order they arrived in
     */
    EventStore(int eventsMax, Duration expiry, Clock clock, AtomicLong ids) {
        if (eventsMax < 1) {
            throw new IllegalArgumentException("events_max must be at least 1: " + eventsMax);
        }
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("events_expiry must be positive: " + expiry);
        }
        this.eventsMax = eventsMax;
        this.expiryMillis = expiry.toMillis();
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
    }

    public EventStore() {
        this(DEFAULT_EVENTS_MAX, DEFAULT_EXPIRY, Clock.systemUTC());
    }

    /** Adds an event and returns its eid; evicts the oldest beyond events_max. */
    public synchronized long add(E event) {
        Objects.requireNonNull(event);
        long now = clock.millis();
        expire(now);
        long eid = ids.incrementAndGet();
        events.addLast(new Stored<>(eid, now, event));
        while (events.size() > eventsMax) {
            events.removeFirst();
            evicted++;
        }
        return eid;
    }

    /** Every retained event, oldest first. */
    public synchronized List<Stored<E>> all() {
        expire(clock.millis());
        return new ArrayList<>(events);
    }

    /**
     * The retained events added since this reader's previous call (all retained ones on its first call), oldest
     * first; remembers where the reader got to.
     */
    public synchronized List<Stored<E>> since(String reader) {
        return since(reader, anonymousRuns--);
    }

    /**
     * The events of one run of a named reader: on the first call of a run, those added since the reader's previous
     * run (all retained ones on its first run); later calls with the same run get the same events again, so a
     * statement that scans a table twice sees one consistent window.
     */
    public synchronized List<Stored<E>> since(String reader, long run) {
        expire(clock.millis());
        Window window = readers.get(reader);
        if (window == null || window.run() != run) {
            window = new Window(run, window == null ? 0 : window.to(), ids.get());
            readers.put(reader, window);
        }
        // Newest first, so the cost is the window's size (plus what arrived since the run began), not the store's.
        List<Stored<E>> out = new ArrayList<>();
        for (Iterator<Stored<E>> it = events.descendingIterator(); it.hasNext(); ) {
            Stored<E> s = it.next();
            if (s.eid() <= window.from()) {
                break;
            }
            if (s.eid() <= window.to()) {
                out.add(s);
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * The events a scan should see: those since the scheduled query's previous run when the scan runs for one
     * ({@link dev.vigil.sql.spi.QueryContext#reader()}), every retained event for an ad hoc query.
     */
    public List<Stored<E>> forScan(dev.vigil.sql.spi.QueryContext context) {
        // Positions are per table as well as per query: two tables over one store (process_events and
        // bpf_process_events) each show a scheduled query every event once.
        return context.reader().map(r -> since(context.spec().name() + "/" + r.name(), r.run())).orElseGet(this::all);
    }

    public synchronized int size() {
        return events.size();
    }

    /** Events dropped because the store was full (events_max). */
    public synchronized long evicted() {
        return evicted;
    }

    /** Events dropped because they were older than events_expiry. */
    public synchronized long expired() {
        expire(clock.millis());
        return expired;
    }

    private void expire(long now) {
        long oldest = now - expiryMillis;
        while (!events.isEmpty() && events.peekFirst().addedMillis() < oldest) {
            events.removeFirst();
            expired++;
        }
    }
}
