package dev.vigil.sql;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.SqlFunction;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.sql.sqlite.ScanObserver;
import dev.vigil.sql.sqlite.SqliteConnection;
import dev.vigil.sql.sqlite.SqliteException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One SQLite connection with the engine's tables and functions. Confined to one thread at a time; {@link #interrupt}
 * may be called from any thread. Owns the connection: close it.
 */
public final class Session implements AutoCloseable {
    private final SqliteConnection connection;
    private final List<String> warnings = new ArrayList<>();
    private TableSpec missingRequired;
    private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();
    private QueryContext.ScheduledRun reader;

    Session(Engine engine) throws SqliteException {
        this.connection = new SqliteConnection();
        try {
            ScanObserver observer = new ScanObserver() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }

                @Override
                public QueryContext.ScheduledRun reader() {
                    return reader;
                }

                @Override
                public void missingRequiredColumn(TableSpec spec) {
                    missingRequired = spec;
                }
            };
            for (Table table : engine.tables().values()) {
                connection.register(table, observer);
            }
            for (SqlFunction function : engine.functions()) {
                connection.register(function);
            }
        } catch (SqliteException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Runs the SQL (one or more statements) and returns the result of the last statement. */
    public QueryResult query(String sql) throws SqlException {
        List<QueryResult> results = execute(sql);
        if (results.isEmpty()) {
            return new QueryResult(List.of(), List.of(), List.of(), 0);
        }
        return results.getLast();
    }

    /**
     * Runs SQL on behalf of a scheduled query: event tables return only the events that arrived since this
     * query's previous run (osquery's events_optimize), so each event is reported once.
     *
     * @param scheduledName the scheduled query's unique name, e.g. "pack_security_process_events"
     */
    public QueryResult queryScheduled(String sql, String scheduledName) throws SqlException {
        reader = new QueryContext.ScheduledRun(scheduledName, RUNS.incrementAndGet());
        try {
            return query(sql);
        } finally {
            reader = null;
        }
    }

    /** Runs each statement of the SQL in turn; the result of each, in order. Stops at the first failure. */
    public List<QueryResult> execute(String sql) throws SqlException {
        List<QueryResult> results = new ArrayList<>();
        warnings.clear();
        missingRequired = null;
        var collector = new SqliteConnection.ResultHandler() {
            List<String> columns;
            List<List<Object>> rows;
            long started = System.nanoTime();

            @Override
            public void columns(List<String> names) {
                finish();
                columns = names;
                rows = new ArrayList<>();
                started = System.nanoTime();
            }

            @Override
            public void row(Object[] values) {
                rows.add(Arrays.asList(values));
            }

            void finish() {
                if (columns != null) {
                    results.add(new QueryResult(columns, rows, warnings, System.nanoTime() - started));
                    warnings.clear();
                    columns = null;
                }
            }
        };
        try {
            connection.execute(sql, collector);
            collector.finish();
            return results;
        } catch (SqliteException e) {
            throw new SqlException(explain(e.getMessage()), e);
        }
    }

    /** Makes the running statement fail with "interrupted"; safe from any thread. */
    public void interrupt() {
        connection.interrupt();
    }

    /** Turns SQLite's terse messages into ones that say what to do. */
    private String explain(String message) {
        String text = message.replaceFirst("^(preparing|running): ", "");
        if (text.contains("no query solution") && missingRequired != null) {
            TableSpec spec = missingRequired;
            String columns = spec.requiredColumns().stream().map(Column::name).collect(Collectors.joining(" or "));
            String example = spec.examples().isEmpty() ? "" : " For example: " + spec.examples().getFirst();
            return "table " + spec.name() + " needs a WHERE constraint on " + columns
                    + " (=, IN or LIKE)." + example;
        }
        return text;
    }

    @Override
    public void close() {
        connection.close();
    }
}
