package dev.vigil.sensors;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@code *_events} table: the events of some kinds of one sensor, one row each, built by its {@link EventColumns}.
 * Equality constraints on any column (pid = 42, action = 'connect') are checked before the rest of the row is
 * built. Ad hoc queries see every retained event, scheduled ones only those since their previous run. A table whose
 * sensor never ran here (unsupported, failed at start, not started) says why in {@link #unsupported()}.
 * Thread-safe, like the stores.
 *
 * @param <E> the events the table shows
 */
public class EventTable<E extends SensorEvent> implements Table {
    private final TableSpec spec;
    private final EventColumns<E> columns;
    private final EventStores<E> stores;
    private final List<String> kinds;
    private final ExecutableIndex executables;
    private final Supplier<SensorStatus> sensor;

    /**
     * @param kinds       the event kinds shown, each kept in its own store
     * @param executables fills the path of processes gone from /proc when their event was read
     * @param sensor      the feeding sensor's current status
     */
    public EventTable(TableSpec spec, EventColumns<E> columns, EventStores<E> stores, List<String> kinds,
                      ExecutableIndex executables, Supplier<SensorStatus> sensor) {
        this.spec = Objects.requireNonNull(spec);
        this.columns = Objects.requireNonNull(columns);
        this.stores = Objects.requireNonNull(stores);
        this.kinds = List.copyOf(kinds);
        this.executables = Objects.requireNonNull(executables);
        this.sensor = Objects.requireNonNull(sensor);
        kinds.forEach(stores::kind); // fails now, not at the first scan, for a kind with no store
    }

    @Override
    public final TableSpec spec() {
        return spec;
    }

    /** The event kinds this table shows. */
    public final List<String> kinds() {
        return kinds;
    }

    /** What this table's stores hold and have let go of. */
    public final EventStores.Counts counts() {
        return stores.counts(kinds);
    }

    /** The feeding sensor's name. */
    public final String sensorName() {
        return sensor.get().sensor();
    }

    @Override
    public Optional<String> unsupported() {
        SensorStatus s = sensor.get();
        boolean neverRan = s.state() != SensorStatus.State.RUNNING && s.delivered() == 0;
        return neverRan ? Optional.of("the " + s.sensor() + " sensor is " + s.state().label()
                + (s.reason() == null ? "" : ": " + s.reason())) : Optional.empty();
    }

    @Override
    public final void generate(QueryContext context, RowSink out) {
        List<Constraint> equalities = new ArrayList<>();
        for (Constraint c : context.constraints()) {
            if (c.op() == Constraint.Op.EQ && c.value() != null) {
                equalities.add(c);
            }
        }
        for (EventStore.Stored<E> stored : stores.forScan(context, kinds)) {
            EventView<E> view = new EventView<>(stored.eid(), stored.event(), executables);
            if (matches(equalities, view)) {
                out.add(columns.row(spec, view, context::isUsed));
            }
        }
    }

    /** True unless an equality constraint rules the event out (SQLite re-checks those that remain). */
    private boolean matches(List<Constraint> equalities, EventView<E> view) {
        if (equalities.isEmpty()) {
            return true;
        }
        // IN lists arrive as several EQ constraints on one column: a column matches if any of its values does
        for (Column column : spec.columns()) {
            boolean constrained = false;
            boolean any = false;
            Object value = null;
            boolean computed = false;
            for (Constraint c : equalities) {
                if (c.column() != column) {
                    continue;
                }
                if (!computed) {
                    value = columns.value(column, view);
                    computed = true;
                }
                constrained = true;
                any |= same(value, c.value());
            }
            if (constrained && !any) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object value, Object wanted) {
        if (value == null) {
            return false;
        }
        if (value instanceof Number n && wanted instanceof Number w) {
            return n.doubleValue() == w.doubleValue();
        }
        if (value instanceof Boolean b && wanted instanceof Number w) {
            return (b ? 1 : 0) == w.doubleValue();
        }
        return value.toString().equals(wanted.toString());
    }
}
