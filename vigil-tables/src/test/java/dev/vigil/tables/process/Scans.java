package dev.vigil.tables.process;

import dev.vigil.testkit.TableScan;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.Table;

import java.util.ArrayList;
import java.util.List;

/** Runs a table's generator directly, as the engine would, for tests. */
public final class Scans {
    private Scans() {
    }

    /** Every row, all columns used, no constraints. */
    public static List<Row> all(Table table) throws Exception {
        return scan(table, List.of(), null);
    }

    /** The rows for {@code column = value} (or {@code IN} when several values), all columns used. */
    public static List<Row> where(Table table, Column column, Object... values) throws Exception {
        List<Constraint> constraints = new ArrayList<>();
        for (Object value : values) {
            constraints.add(new Constraint(column, Constraint.Op.EQ, value));
        }
        return scan(table, constraints, null);
    }

    /** The rows for the constraints when the statement reads only {@code used}; fails on any warning. */
    public static List<Row> scan(Table table, List<Constraint> constraints, List<Column> used) throws Exception {
        TableScan scan = TableScan.of(table, constraints, used);
        if (!scan.warnings().isEmpty()) {
            throw new AssertionError("unexpected warnings: " + scan.warnings());
        }
        return scan.rows();
    }
}
