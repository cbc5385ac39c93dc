package dev.vigil.tables.process;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.Optional;

/**
 * osquery's {@code process_envs}: one row per variable of /proc/[pid]/environ, the environment each process was
 * started with. Reading another user's environment needs root.
 */
public final class ProcessEnvsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column PID = COLUMNS.integer("pid", "Process (or thread) ID", Column.Flag.INDEX);
    static final Column KEY = COLUMNS.text("key", "Environment variable name");
    static final Column VALUE = COLUMNS.text("value", "Environment variable value");

    static final TableSpec SPEC = TableSpec.of("process_envs",
            "A key/value table of environment variables for each process.", COLUMNS,
            "SELECT * FROM process_envs WHERE pid = 1",
            "SELECT pid, value FROM process_envs WHERE key = 'LD_PRELOAD'");

    private final Procfs procfs;

    public ProcessEnvsTable(HostPaths host) {
        this.procfs = new Procfs(host.proc());
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return procfs.unavailable();
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        for (long pid : procfs.pids(context, PID)) {
            byte[] environ = procfs.readBytes(pid, "environ");
            if (environ == null) {
                continue;
            }
            for (EnvironmentVariable variable : EnvironmentVariable.parse(environ)) {
                Row row = new Row(SPEC);
                row.set(PID, pid);
                row.set(KEY, variable.key());
                row.set(VALUE, variable.value());
                out.add(row);
            }
        }
    }
}
