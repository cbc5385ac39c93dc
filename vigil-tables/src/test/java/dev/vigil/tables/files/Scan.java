package dev.vigil.tables.files;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.Table;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** One scan of a table with chosen constraints and used columns, run directly on its generator. */
final class Scan {
    final List<Row> rows = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    static Scan of(Table table, List<Constraint> constraints) throws Exception {
        return of(table, constraints, null);
    }

    /** @param used the columns the statement reads; null for all */
    static Scan of(Table table, List<Constraint> constraints, List<Column> used) throws Exception {
        BitSet bits = null;
        if (used != null) {
            bits = new BitSet();
            for (Column c : used) {
                bits.set(c.index());
            }
        }
        Scan scan = new Scan();
        table.generate(new QueryContext(table.spec(), constraints, bits, scan.warnings::add), scan.rows::add);
        return scan;
    }

    static Constraint eq(Column column, String value) {
        return new Constraint(column, Constraint.Op.EQ, value);
    }

    static Constraint like(Column column, String pattern) {
        return new Constraint(column, Constraint.Op.LIKE, pattern);
    }

    List<Object> column(Column column) {
        return rows.stream().map(r -> r.get(column)).toList();
    }
}
