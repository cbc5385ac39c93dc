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
 * osquery's {@code process_open_files}: one row per file descriptor of /proc/[pid]/fd that names a file. Like
 * osquery, descriptors whose link is a socket ("socket:[inode]"), a pipe ("pipe:[inode]") or an anonymous inode
 * ("anon_inode:[eventfd]" ...) are left out; sockets are in {@code process_open_sockets}.
 */
public final class ProcessOpenFilesTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column PID = COLUMNS.bigint("pid", "Process (or thread) ID", Column.Flag.INDEX);
    static final Column FD = COLUMNS.bigint("fd", "Process-specific file descriptor number");
    static final Column PATH = COLUMNS.text("path", "Filesystem path of descriptor");

    static final TableSpec SPEC = TableSpec.of("process_open_files", "File descriptors for each process.", COLUMNS,
            "SELECT * FROM process_open_files WHERE pid = 1",
            "SELECT pid, fd, path FROM process_open_files WHERE path LIKE '/tmp/%'");

    private final Procfs procfs;

    public ProcessOpenFilesTable(HostPaths host) {
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
            for (Procfs.Descriptor descriptor : procfs.descriptors(pid)) {
                if (!isFile(descriptor.target())) {
                    continue;
                }
                Row row = new Row(SPEC);
                row.set(PID, pid);
                row.set(FD, descriptor.fd());
                row.set(PATH, descriptor.target());
                out.add(row);
            }
        }
    }

    /** False for the link targets of sockets, pipes and anonymous inodes (see proc_pid_fd(5)). */
    static boolean isFile(String target) {
        return !(target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:"));
    }
}
