package dev.vigil.sensors;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.List;

/**
 * {@code vigil_event_tables}: what each event table holds and has let go of, so that lost events are never silent:
 * those dropped because their kind's store was full (events_max) and those dropped for age (events_expiry), next to
 * the ring-buffer drops {@code vigil_sensors} counts. Built by {@link SensorRuntime}.
 */
public final class VigilEventTablesTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column NAME = COLUMNS.text("name", "The event table");
    static final Column SENSOR = COLUMNS.text("sensor", "The sensor that fills it");
    static final Column KINDS = COLUMNS.text("kinds", "The event kinds it shows, each kept in its own store (comma-separated)");
    static final Column RETAINED = COLUMNS.bigint("retained", "Events held now");
    static final Column EVICTED = COLUMNS.bigint("evicted", "Events dropped because their kind's store held events_max already (the oldest go first)");
    static final Column EXPIRED = COLUMNS.bigint("expired", "Events dropped because they were older than events_expiry");
    static final Column EVENTS_MAX = COLUMNS.bigint("events_max", "The most events kept of each kind");
    static final Column EVENTS_EXPIRY = COLUMNS.bigint("events_expiry", "How long events are kept, in seconds");
    static final TableSpec SPEC = TableSpec.of("vigil_event_tables",
            "The event tables: the events each holds, and those it dropped because it was full or they were too old.",
            COLUMNS, "SELECT name, retained, evicted, expired FROM vigil_event_tables WHERE evicted > 0 OR expired > 0");

    private final List<EventTable<?>> tables;
    private final SensorOptions options;

    VigilEventTablesTable(List<EventTable<?>> tables, SensorOptions options) {
        this.tables = List.copyOf(tables);
        this.options = options;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        for (EventTable<?> table : tables) {
            EventStores.Counts counts = table.counts();
            out.add(new Row(SPEC)
                    .set(NAME, table.spec().name())
                    .set(SENSOR, table.sensorName())
                    .set(KINDS, String.join(",", table.kinds()))
                    .set(RETAINED, counts.retained())
                    .set(EVICTED, counts.evicted())
                    .set(EXPIRED, counts.expired())
                    .set(EVENTS_MAX, (long) options.eventsMax())
                    .set(EVENTS_EXPIRY, options.eventsExpiry().toSeconds()));
        }
    }
}
