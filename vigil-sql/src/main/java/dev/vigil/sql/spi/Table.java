package dev.vigil.sql.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL table whose rows Java code produces on demand, like an osquery table: a {@link TableSpec} plus a
 * generator. Implementations are found through {@link java.util.ServiceLoader} (public, no-argument constructor,
 * listed in {@code META-INF/services/dev.vigil.sql.spi.Table}) or handed to the engine directly.
 *
 * <p>Thread-safety: one instance serves every connection, so generators may run on several threads at once and
 * must not keep per-scan state in fields.
 *
 * <p>Errors: an exception thrown by the generator fails the statement with its message; the connection stays
 * usable. Rows of processes (or files) that vanish while being read are skipped, not errors.
 */
public interface Table {

    TableSpec spec();

    /** Produces the rows for one scan. Use the context's constraints to read only what is asked. */
    void generate(QueryContext context, RowSink out) throws Exception;

    /** Opens a scan. The default collects everything {@link #generate} produces, as osquery does. */
    default RowSource open(QueryContext context) throws Exception {
        List<Row> rows = new ArrayList<>();
        generate(context, rows::add);
        return new RowSource() {
            private int position = -1;

            @Override
            public boolean next() {
                return ++position < rows.size();
            }

            @Override
            public Object value(int columnIndex) {
                return rows.get(position).get(columnIndex);
            }
        };
    }
}
