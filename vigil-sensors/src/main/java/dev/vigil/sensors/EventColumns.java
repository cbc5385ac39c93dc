package dev.vigil.sensors;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.ColumnType;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.TableSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of an event table declared together with how each takes its value from a stored event: the one row
 * builder of every {@code *_events} table, so two tables over the same events (socket_events and bpf_socket_events)
 * differ only in their column lists. A table holds one instance in a static field:
 *
 * <pre>{@code
 * private static final EventColumns<SocketEvent> COLUMNS = new EventColumns<>();
 * static final Column PID = COLUMNS.bigint("pid", "Process (or thread) ID", e -> (long) e.event().pid());
 * }</pre>
 * Not thread-safe while declaring (static initialisers); immutable afterwards.
 *
 * @param <E> the events the table shows
 */
public final class EventColumns<E extends SensorEvent> {
    /** How a column's value comes from an event: Long, Integer, Boolean, Double, String or null. */
    @FunctionalInterface
    public interface Value<E extends SensorEvent> {
        Object of(EventView<E> event);
    }

    private final Columns columns = new Columns();
    private final List<Value<E>> values = new ArrayList<>();

    public Column text(String name, String description, Value<E> value, Column.Flag... flags) {
        return add(name, ColumnType.TEXT, description, value, flags);
    }

    public Column integer(String name, String description, Value<E> value, Column.Flag... flags) {
        return add(name, ColumnType.INTEGER, description, value, flags);
    }

    public Column bigint(String name, String description, Value<E> value, Column.Flag... flags) {
        return add(name, ColumnType.BIGINT, description, value, flags);
    }

    private Column add(String name, ColumnType type, String description, Value<E> value, Column.Flag... flags) {
        Column column = columns.add(name, type, description, flags);
        values.add(value);
        return column;
    }

    /** The declared columns, for the table's spec. */
    public Columns columns() {
        return columns;
    }

    /** The value of one column for an event. */
    Object value(Column column, EventView<E> event) {
        return values.get(column.index()).of(event);
    }

    /** The row of an event, with the columns the statement reads (null: all). */
    Row row(TableSpec spec, EventView<E> event, java.util.function.Predicate<Column> used) {
        Row row = new Row(spec);
        for (Column c : spec.columns()) {
            if (used.test(c)) {
                row.setValue(c, values.get(c.index()).of(event));
            }
        }
        return row;
    }
}
