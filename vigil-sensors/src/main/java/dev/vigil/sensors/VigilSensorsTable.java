package dev.vigil.sensors;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** {@code vigil_sensors}: each eBPF sensor's state, hook and event counters. Constructed by {@link SensorRuntime}. */
public final class VigilSensorsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column SENSOR = COLUMNS.text("sensor", "Sensor name: process, socket or dns");
    static final Column STATE = COLUMNS.text("state", "running, unsupported (this host lacks what it needs), failed (an error while starting, or its ring-buffer reader stopped on an error) or stopped (closed, or not started in this run)");
    static final Column REASON = COLUMNS.text("reason", "Why the sensor is unsupported, failed or not started");
    static final Column HOOK = COLUMNS.text("hook", "Hook kind in use: tp_btf, raw_tp, tracepoint, kprobe, fentry, uprobe_multi or uprobe");
    static final Column SEEN = COLUMNS.bigint("seen", "Events the kernel side produced");
    static final Column DELIVERED = COLUMNS.bigint("delivered", "Events decoded and stored");
    static final Column DROPPED = COLUMNS.bigint("dropped", "Events lost in the kernel because the ring buffer was full");
    static final Column MALFORMED = COLUMNS.bigint("malformed", "Records that could not be decoded and were skipped");
    static final Column EVICTED = COLUMNS.bigint("evicted", "Events dropped from the event tables because their kind's store held events_max already (vigil_event_tables has them per table)");
    static final Column EXPIRED = COLUMNS.bigint("expired", "Events dropped from the event tables because they were older than events_expiry");
    static final TableSpec SPEC = TableSpec.of("vigil_sensors", "The eBPF sensors, their state and their event counts.",
            COLUMNS, "SELECT sensor, state, reason, dropped, evicted FROM vigil_sensors WHERE state != 'running' OR dropped > 0");

    private final Supplier<List<SensorStatus>> statuses;

    public VigilSensorsTable(Supplier<List<SensorStatus>> statuses) {
        this.statuses = Objects.requireNonNull(statuses);
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        for (SensorStatus s : statuses.get()) {
            Row row = new Row(SPEC);
            row.set(SENSOR, s.sensor());
            row.set(STATE, s.state().label());
            row.set(REASON, s.reason());
            row.set(HOOK, s.hook());
            row.set(SEEN, s.seen());
            row.set(DELIVERED, s.delivered());
            row.set(DROPPED, s.dropped());
            row.set(MALFORMED, s.malformed());
            row.set(EVICTED, s.evicted());
            row.set(EXPIRED, s.expired());
            out.add(row);
        }
    }
}
