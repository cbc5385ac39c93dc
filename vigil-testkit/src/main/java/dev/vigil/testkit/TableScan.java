package dev.vigil.testkit;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.ScanReporter;
import dev.vigil.sql.spi.Table;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One scan of a table run directly on its generator, with the constraints and used columns a test chooses, as
 * the engine would pass them; collects the rows, warnings and notes. Not thread-safe.
 */
public final class TableScan {
    private final List<Row> rows = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private TableScan() {
    }

    public static TableScan of(Table table, List<Constraint> constraints) throws Exception {
        return of(table, constraints, null);
    }

    /** @param used the columns the statement reads; null for all */
    public static TableScan of(Table table, List<Constraint> constraints, List<Column> used) throws Exception {
        BitSet bits = null;
        if (used != null) {
            bits = new BitSet();
            for (Column c : used) {
                bits.set(c.index());
            }
        }
        TableScan scan = new TableScan();
        table.generate(new QueryContext(table.spec(), constraints, bits,
                ScanReporter.collecting(scan.warnings, scan.notes), null), scan.rows::add);
        return scan;
    }

    public static Constraint eq(Column column, String value) {
        return new Constraint(column, Constraint.Op.EQ, value);
    }

    /** {@code column = value} with an integer, as SQLite passes an integer literal. */
    public static Constraint eq(Column column, long value) {
        return new Constraint(column, Constraint.Op.EQ, value);
    }

    public static Constraint like(Column column, String pattern) {
        return new Constraint(column, Constraint.Op.LIKE, pattern);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** What the scan reported for --verbose only (paths that do not exist, directories it could not list). */
    public List<String> notes() {
        return notes;
    }

    /** The values of one column, row by row. */
    public List<Object> column(Column column) {
        return rows.stream().map(r -> r.get(column)).toList();
    }
}
