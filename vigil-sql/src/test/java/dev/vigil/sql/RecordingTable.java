package dev.vigil.sql;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test table of numbers 1..N that records every context its generator was called with. */
final class RecordingTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column N = COLUMNS.bigint("n", "The number", Column.Flag.INDEX);
    static final Column NAME = COLUMNS.text("name", "n spelled as 'item-<n>'");
    static final Column HALF = COLUMNS.doubleColumn("half", "n / 2");
    static final Column SECRET = COLUMNS.text("secret", "A hidden column", Column.Flag.HIDDEN);
    static final TableSpec SPEC = TableSpec.of("numbers", "Numbers for engine tests.", COLUMNS, "SELECT * FROM numbers");

    final List<QueryContext> calls = new CopyOnWriteArrayList<>();
    private final int count;

    RecordingTable(int count) {
        this.count = count;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        calls.add(context);
        for (long n = 1; n <= count; n++) {
            Row row = new Row(SPEC);
            row.set(N, n);
            if (context.isUsed(NAME)) {
                row.set(NAME, "item-" + n);
            }
            row.set(HALF, n / 2.0);
            row.set(SECRET, "s" + n);
            out.add(row);
        }
    }
}
