package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** osquery's {@code uptime}: time since boot from /proc/uptime (proc_uptime(5)), one row. */
public final class UptimeTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column DAYS = COLUMNS.integer("days", "Days of uptime");
    static final Column HOURS = COLUMNS.integer("hours", "Hours of uptime");
    static final Column MINUTES = COLUMNS.integer("minutes", "Minutes of uptime");
    static final Column SECONDS = COLUMNS.integer("seconds", "Seconds of uptime");
    static final Column TOTAL_SECONDS = COLUMNS.bigint("total_seconds", "Total uptime seconds");
    static final TableSpec SPEC = TableSpec.of("uptime", "Track time passed since last boot.", COLUMNS,
            "SELECT days, hours, total_seconds FROM uptime");

    private final Path uptimeFile;

    public UptimeTable(HostPaths host) {
        this.uptimeFile = host.proc().resolve("uptime");
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return Table.requiresFile("procfs uptime", uptimeFile);
    }

    @Override
    public void generate(QueryContext context, RowSink out) throws Exception {
        Optional<String> text = TextFiles.readIfExists(uptimeFile);
        if (text.isEmpty()) {
            context.note(uptimeFile + " does not exist");
            return;
        }
        Long seconds = parseSeconds(text.get());
        if (seconds == null) {
            throw new IllegalStateException("cannot parse the uptime in " + uptimeFile + ": " + text.get().strip());
        }
        out.add(row(seconds));
    }

    /** The whole seconds of the first number of /proc/uptime ("301.62 543.22"); null if malformed. */
    static Long parseSeconds(String procUptime) {
        String first = procUptime.trim().split("\\s+")[0];
        try {
            double value = Double.parseDouble(first);
            return value >= 0 ? (long) value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Row row(long total) {
        Row row = new Row(SPEC);
        row.set(DAYS, total / 86_400);
        row.set(HOURS, total / 3_600 % 24);
        row.set(MINUTES, total / 60 % 60);
        row.set(SECONDS, total % 60);
        row.set(TOTAL_SECONDS, total);
        return row;
    }
}
