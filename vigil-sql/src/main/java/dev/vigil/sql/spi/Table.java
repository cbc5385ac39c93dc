package dev.vigil.sql.spi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A SQL table whose rows Java code produces on demand, like an osquery table: a {@link TableSpec} plus a
 * generator. Implementations are built by their area's {@link TableProvider} with the {@link HostPaths} to read,
 * or handed to the engine directly.
 *
 * <p>Thread-safety: one instance serves every connection, so generators may run on several threads at once and
 * must not keep per-scan state in fields.
 *
 * <p>Errors: an exception thrown by the generator fails the statement with its message; the connection stays
 * usable. Rows of processes (or files) that vanish while being read are skipped, not errors.
 */
public interface Table {

    TableSpec spec();

    /**
     * Why this table cannot produce rows on this host (no dpkg database, no EFI firmware, its sensor is not
     * running), or empty when it can. A query of an unsupported table returns no rows, as osquery's do, and says
     * why under {@code --verbose}; {@code vigil_tables} and the shell's start-up line list the reasons. Must be
     * cheap (a file's existence): it is asked at every scan.
     */
    default Optional<String> unsupported() {
        return Optional.empty();
    }

    /**
     * The usual {@link #unsupported} answer of a table that reads one file: empty while {@code file} exists, else
     * "no {@code source}: {@code file} does not exist".
     */
    static Optional<String> requiresFile(String source, Path file) {
        return Files.exists(file) ? Optional.empty() : Optional.of("no " + source + ": " + file + " does not exist");
    }

    /** Produces the rows for one scan. Use the context's constraints to read only what is asked. */
    void generate(QueryContext context, RowSink out) throws Exception;

    /**
     * Opens a scan. The default collects everything {@link #generate} produces, as osquery does, and stops it when
     * the statement is cancelled.
     */
    default RowSource open(QueryContext context) throws Exception {
        List<Row> rows = new ArrayList<>();
        generate(context, row -> {
            if ((rows.size() & 0xff) == 0) {
                context.checkCancelled();
            }
            rows.add(row);
        });
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
