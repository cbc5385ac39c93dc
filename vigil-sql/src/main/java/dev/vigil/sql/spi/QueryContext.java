package dev.vigil.sql.spi;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What one scan of a table was asked for: the constraints SQLite handed down (an {@code IN} list arrives as
 * several EQ constraints on one column), the columns the statement uses, and where to report warnings and notes.
 * Confined to the thread running the scan.
 */
public final class QueryContext {
    private final TableSpec spec;
    private final List<Constraint> constraints;
    private final BitSet usedColumns;
    private final ScanReporter reporter;
    private final ScheduledRun reader;

    /**
     * One run of a scheduled query: its unique name and a number that differs from run to run. Every scan made
     * while the run's statement executes carries the same value, so a table scanned several times in one
     * statement (the inner side of a join) sees the same events each time.
     */
    public record ScheduledRun(String name, long run) {
        public ScheduledRun {
            java.util.Objects.requireNonNull(name);
        }
    }

    /**
     * @param usedColumns columns the statement reads; null means all
     * @param reporter    receives warnings and notes and says when the statement was stopped
     * @param reader      the scheduled query run this scan belongs to, or null for an ad hoc query
     */
    public QueryContext(TableSpec spec, List<Constraint> constraints, BitSet usedColumns, ScanReporter reporter,
                        ScheduledRun reader) {
        this.spec = spec;
        this.constraints = List.copyOf(constraints);
        this.usedColumns = usedColumns;
        this.reporter = reporter == null ? ScanReporter.SILENT : reporter;
        this.reader = reader;
    }

    /**
     * The scheduled query this scan runs for (osquery's events_optimize: an event table then returns only events
     * newer than that query's previous run), or empty for an ad hoc query, which sees every retained event.
     */
    public java.util.Optional<ScheduledRun> reader() {
        return java.util.Optional.ofNullable(reader);
    }

    /** A context with no constraints that uses every column, for tests and internal scans. */
    public static QueryContext all(TableSpec spec) {
        return new QueryContext(spec, List.of(), null, ScanReporter.SILENT, null);
    }

    public TableSpec spec() {
        return spec;
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    public List<Constraint> constraints(Column column) {
        List<Constraint> out = new ArrayList<>();
        for (Constraint c : constraints) {
            if (c.column() == column) {
                out.add(c);
            }
        }
        return out;
    }

    /** True if the column is constrained by = or IN, so {@link #equalsText} lists every value it may take. */
    public boolean hasEquality(Column column) {
        for (Constraint c : constraints) {
            if (c.column() == column && c.op() == Constraint.Op.EQ) {
                return true;
            }
        }
        return false;
    }

    /** The values of = and IN constraints on the column, as text, in query order; empty if none. */
    public Set<String> equalsText(Column column) {
        Set<String> out = new LinkedHashSet<>();
        for (Constraint c : constraints) {
            if (c.column() == column && c.op() == Constraint.Op.EQ && c.value() != null) {
                out.add(c.text());
            }
        }
        return out;
    }

    /**
     * The values of = and IN constraints on the column that are integers; empty if none. A value that is not an
     * integer can match no row of an integer column, and is dropped.
     */
    public Set<Long> equalsLong(Column column) {
        Set<Long> out = new LinkedHashSet<>();
        for (Constraint c : constraints) {
            if (c.column() == column && c.op() == Constraint.Op.EQ) {
                OptionalLong v = c.integer();
                if (v.isPresent()) {
                    out.add(v.getAsLong());
                }
            }
        }
        return out;
    }

    /** The patterns of LIKE constraints on the column. */
    public List<String> likePatterns(Column column) {
        List<String> out = new ArrayList<>();
        for (Constraint c : constraints) {
            if (c.column() == column && c.op() == Constraint.Op.LIKE && c.value() != null) {
                out.add(c.text());
            }
        }
        return out;
    }

    /** True if the statement reads the column; a generator may skip computing columns nobody reads. */
    public boolean isUsed(Column column) {
        return usedColumns == null || usedColumns.get(column.index());
    }

    /** True if the statement reads any of the columns. */
    public boolean isAnyUsed(Column... columns) {
        for (Column c : columns) {
            if (isUsed(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports something the user must know although the scan succeeded (a setting that was ignored, a source that
     * could not be parsed): always shown, on stderr.
     */
    public void warn(String message) {
        reporter.warning(spec.name() + ": " + message);
    }

    /**
     * Reports a detail of how the scan went that is not a problem (a path that does not exist, a directory it could
     * not list, as osquery skips them silently): shown only under {@code --verbose}.
     */
    public void note(String message) {
        reporter.note(spec.name() + ": " + message);
    }

    /**
     * Throws {@link QueryCancelledException} if the statement was stopped (Ctrl-C, a timeout). Rows added to the
     * engine's sink are checked for this already; a generator that works long between rows (walking a tree,
     * hashing a file) calls it in its loop.
     */
    public void checkCancelled() {
        String why = reporter.cancellation();
        if (why != null) {
            throw new QueryCancelledException(why);
        }
    }
}
