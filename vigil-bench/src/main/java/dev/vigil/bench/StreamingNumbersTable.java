package dev.vigil.bench;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.RowSource;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

/** {@code bench_rows}: N rows (a INTEGER, b TEXT, c DOUBLE) streamed without buffering, for the scan benchmark. */
final class StreamingNumbersTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column A = COLUMNS.bigint("a", "Row number from 1");
    static final Column B = COLUMNS.text("b", "'row-' followed by a");
    static final Column C = COLUMNS.doubleColumn("c", "a / 2");
    static final TableSpec SPEC = TableSpec.of("bench_rows", "Rows for the scan benchmark.", COLUMNS,
            "SELECT count(*) FROM bench_rows");

    private final long count;

    StreamingNumbersTable(long count) {
        this.count = count;
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        throw new UnsupportedOperationException("bench_rows streams through open()");
    }

    @Override
    public RowSource open(QueryContext context) {
        return new RowSource() {
            private long i;

            @Override
            public boolean next() {
                return ++i <= count;
            }

            @Override
            public Object value(int column) {
                return switch (column) {
                    case 0 -> i;
                    case 1 -> "row-" + i;
                    default -> i / 2.0;
                };
            }
        };
    }
}
