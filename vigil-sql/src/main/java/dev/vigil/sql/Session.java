package dev.vigil.sql;

import dev.vigil.sql.spi.Cancellation;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.SqlFunction;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.sql.sqlite.ScanObserver;
import dev.vigil.sql.sqlite.SqliteConnection;
import dev.vigil.sql.sqlite.SqliteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One SQLite connection with the engine's tables and functions. Confined to one thread at a time; {@link #interrupt}
 * may be called from any thread. Owns the connection: close it.
 *
 * <p>Statements run one after another; {@link #execute(String, ResultSink)} streams each one's rows as SQLite
 * produces them, so a statement that completed is delivered whole even when a later one fails. A running
 * statement stops, in SQLite and in the Java tables and functions it calls, on {@link #interrupt} or when it runs
 * longer than the {@linkplain #setTimeout timeout}.
 */
public final class Session implements AutoCloseable {
    private static final AtomicLong RUNS = new AtomicLong();
    private static final String INTERRUPTED = "interrupted";

    private final SqliteConnection connection;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private TableSpec missingRequired;
    private QueryContext.ScheduledRun reader;
    private Duration timeout;
    private volatile Cancellation running;

    Session(Engine engine) throws SqliteException {
        this.connection = new SqliteConnection();
        try {
            ScanObserver observer = new ScanObserver() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }

                @Override
                public void note(String message) {
                    notes.add(message);
                }

                @Override
                public String cancellation() {
                    Cancellation c = running;
                    return c == null ? null : c.reason();
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

    /**
     * Stops each later {@code execute} that runs longer than this (osquery's distributed and watchdog limits, vigil
     * query's --timeout); null for no limit.
     */
    public void setTimeout(Duration limit) {
        if (limit != null && (limit.isNegative() || limit.isZero())) {
            throw new IllegalArgumentException("a timeout must be positive: " + limit);
        }
        this.timeout = limit;
    }

    /**
     * Runs each statement of the SQL in turn, streaming its columns, rows and summary to the sink. Stops at the first
     * failing statement (after {@link ResultSink#failed}) with its error, or at the first IOException the sink
     * throws, which is rethrown and ends the statement.
     */
    public void execute(String sql, ResultSink sink) throws SqlException, IOException {
        warnings.clear();
        notes.clear();
        missingRequired = null;
        Cancellation cancellation = new Cancellation();
        var handler = new SqliteConnection.ResultHandler() {
            boolean open;
            long rows;
            long started = System.nanoTime();

            @Override
            public void columns(List<String> names) throws IOException {
                open = true;
                rows = 0;
                started = System.nanoTime();
                sink.columns(names);
            }

            @Override
            public void row(Object[] values) throws IOException {
                rows++;
                sink.row(values);
            }

            @Override
            public void end() throws IOException {
                open = false;
                StatementSummary summary = new StatementSummary(rows, warnings, notes, System.nanoTime() - started);
                warnings.clear();
                notes.clear();
                sink.completed(summary);
            }
        };
        ScheduledFuture<?> deadline = schedule(cancellation);
        running = cancellation;
        cancellation.enter();
        try {
            connection.execute(sql, handler);
        } catch (SqliteException e) {
            if (handler.open) {
                sink.failed();
            }
            String stopped = cancellation.reason();
            throw new SqlException(stopped != null ? stopped : explain(e.getMessage()), e);
        } finally {
            cancellation.leave();
            running = null;
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    /** Runs each statement of the SQL in turn and returns the result of each, held whole. Stops at the first failure. */
    public List<QueryResult> execute(String sql) throws SqlException {
        List<QueryResult> results = new ArrayList<>();
        ResultSink collector = new ResultSink() {
            List<String> columns;
            List<List<Object>> rows;

            @Override
            public void columns(List<String> names) {
                columns = names;
                rows = new ArrayList<>();
            }

            @Override
            public void row(Object[] values) {
                rows.add(Arrays.asList(values));
            }

            @Override
            public void completed(StatementSummary summary) {
                results.add(new QueryResult(columns, rows, summary.warnings(), summary.notes(), summary.elapsedNanos()));
            }
        };
        try {
            execute(sql, collector);
        } catch (IOException e) {
            throw new UncheckedIOException("collecting results in memory", e); // the collector does no I/O
        }
        return results;
    }

    /** Runs the SQL (one or more statements) and returns the result of the last statement. */
    public QueryResult query(String sql) throws SqlException {
        List<QueryResult> results = execute(sql);
        if (results.isEmpty()) {
            return new QueryResult(List.of(), List.of(), List.of(), List.of(), 0);
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

    /** Stops the running statement, if any, with the error "interrupted"; safe from any thread. */
    public void interrupt() {
        Cancellation c = running;
        if (c != null) {
            c.cancel(INTERRUPTED);
            connection.interrupt();
        }
    }

    private ScheduledFuture<?> schedule(Cancellation cancellation) {
        Duration limit = timeout;
        if (limit == null) {
            return null;
        }
        String reason = "timed out: the query ran longer than its limit of " + seconds(limit);
        return Watchdog.TIMER.schedule(() -> {
            cancellation.cancel(reason);
            connection.interrupt();
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + " s";
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

    /** One daemon thread that ends statements at their deadline, for every session. */
    private static final class Watchdog {
        static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-query-timeout");
            t.setDaemon(true);
            return t;
        });
    }
}
