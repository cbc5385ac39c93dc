package dev.vigil.tables.process;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.Table;

import java.util.ArrayList;
import java.util.BitSet;
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

    /** The rows for the constraints when the statement reads only {@code used}. */
    public static List<Row> scan(Table table, List<Constraint> constraints, List<Column> used) throws Exception {
        BitSet bits = null;
        if (used != null) {
            bits = new BitSet();
            for (Column c : used) {
                bits.set(c.index());
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        table.generate(new QueryContext(table.spec(), constraints, bits, warnings::add), rows::add);
        if (!warnings.isEmpty()) {
            throw new AssertionError("unexpected warnings: " + warnings);
        }
        return rows;
    }
}
