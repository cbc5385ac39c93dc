package dev.vigil.sensors.process;

import dev.vigil.sensors.EventStore;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.Objects;

import static dev.vigil.sql.spi.Column.Flag.HIDDEN;

/**
 * osquery's {@code process_events}, with osquery's columns, filled from the eBPF process sensor instead of Linux
 * Audit: one row per successful exec. Columns audit would fill from records eBPF does not read (the environment)
 * stay NULL. Constructed with the sensor's store, not through ServiceLoader.
 */
public final class ProcessEventsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column PID = COLUMNS.bigint("pid", "Process (or thread) ID");
    static final Column PATH = COLUMNS.text("path", "Path of the executed file, symbolic links resolved");
    static final Column MODE = COLUMNS.text("mode", "File mode permissions of the executed file, in octal");
    static final Column CMDLINE = COLUMNS.text("cmdline", "Command line arguments (argv), separated by spaces");
    static final Column CMDLINE_SIZE = COLUMNS.bigint("cmdline_size", "Size in bytes of the command line arguments as captured", HIDDEN);
    static final Column ENV = COLUMNS.text("env", "Environment variables delimited by spaces (not captured by the eBPF sensor)", HIDDEN);
    static final Column ENV_COUNT = COLUMNS.bigint("env_count", "Number of environment variables (not captured by the eBPF sensor)", HIDDEN);
    static final Column ENV_SIZE = COLUMNS.bigint("env_size", "Size in bytes of the environment (not captured by the eBPF sensor)", HIDDEN);
    static final Column CWD = COLUMNS.text("cwd", "The process's current working directory at exec");
    static final Column AUID = COLUMNS.bigint("auid", "Audit (login) user ID of the process; 4294967295 when unset");
    static final Column UID = COLUMNS.bigint("uid", "User ID of the process");
    static final Column EUID = COLUMNS.bigint("euid", "Effective user ID of the process");
    static final Column GID = COLUMNS.bigint("gid", "Group ID of the process");
    static final Column EGID = COLUMNS.bigint("egid", "Effective group ID of the process");
    static final Column OWNER_UID = COLUMNS.bigint("owner_uid", "User ID that owns the executed file");
    static final Column OWNER_GID = COLUMNS.bigint("owner_gid", "Group ID that owns the executed file");
    static final Column ATIME = COLUMNS.bigint("atime", "Last access time of the executed file");
    static final Column MTIME = COLUMNS.bigint("mtime", "Last modification time of the executed file");
    static final Column CTIME = COLUMNS.bigint("ctime", "Last status change time of the executed file");
    static final Column BTIME = COLUMNS.bigint("btime", "Creation time of the executed file");
    static final Column OVERFLOWS = COLUMNS.text("overflows", "Fields that overflowed the sensor's limits (cmdline, path)", HIDDEN);
    static final Column PARENT = COLUMNS.bigint("parent", "Process ID of the parent");
    static final Column TIME = COLUMNS.bigint("time", "Time of the exec in UNIX time");
    static final Column UPTIME = COLUMNS.bigint("uptime", "Time of the exec in seconds since boot");
    static final Column EID = COLUMNS.text("eid", "Event ID", HIDDEN);
    static final Column FSUID = COLUMNS.bigint("fsuid", "File system user ID of the process");
    static final Column SUID = COLUMNS.bigint("suid", "Saved user ID of the process");
    static final Column FSGID = COLUMNS.bigint("fsgid", "File system group ID of the process");
    static final Column SGID = COLUMNS.bigint("sgid", "Saved group ID of the process");
    static final Column SYSCALL = COLUMNS.text("syscall", "Syscall name: execve");
    static final TableSpec SPEC = TableSpec.evented("process_events",
            "Track every process execution, from the eBPF process sensor.", COLUMNS,
            "SELECT pid, parent, path, cmdline, cwd, uid FROM process_events WHERE path LIKE '/tmp/%'");

    private final EventStore<ProcessEvent> store;

    public ProcessEventsTable(EventStore<ProcessEvent> store) {
        this.store = Objects.requireNonNull(store);
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        var pids = context.equalsLong(PID);
        for (EventStore.Stored<ProcessEvent> stored : store.forScan(context)) {
            ProcessEvent e = stored.event();
            if (e.type() != ProcessEvent.Kind.EXEC || !pids.isEmpty() && !pids.contains((long) e.pid())) {
                continue;
            }
            out.add(row(stored.eid(), e));
        }
    }

    static Row row(long eid, ProcessEvent e) {
        Row row = new Row(SPEC);
        ProcessEvent.Image image = e.image();
        ProcessEvent.Credentials c = e.credentials();
        row.set(PID, e.pid());
        row.set(PATH, image.path());
        row.set(CMDLINE, image.cmdline());
        row.set(CMDLINE_SIZE, image.argv().stream().mapToLong(a -> a.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L).sum());
        row.set(CWD, image.cwd());
        row.set(AUID, c.auid());
        row.set(UID, c.uid());
        row.set(EUID, c.euid());
        row.set(GID, c.gid());
        row.set(EGID, c.egid());
        row.set(FSUID, c.fsuid());
        row.set(SUID, c.suid());
        row.set(FSGID, c.fsgid());
        row.set(SGID, c.sgid());
        ProcessEvent.ExecutableFile file = e.executable();
        if (file != null) {
            row.set(MODE, file.mode());
            row.set(OWNER_UID, file.ownerUid());
            row.set(OWNER_GID, file.ownerGid());
            row.set(ATIME, file.atime());
            row.set(MTIME, file.mtime());
            row.set(CTIME, file.ctime());
            row.set(BTIME, file.btime());
        }
        row.set(OVERFLOWS, overflows(image));
        row.set(PARENT, e.ppid());
        row.set(TIME, e.timeNanos() / 1_000_000_000L);
        row.set(UPTIME, e.monotonicNanos() / 1_000_000_000L);
        row.set(EID, Long.toString(eid));
        row.set(SYSCALL, "execve");
        return row;
    }

    private static String overflows(ProcessEvent.Image image) {
        if (image.argvTruncated() && image.pathTruncated()) {
            return "cmdline,path";
        }
        return image.argvTruncated() ? "cmdline" : image.pathTruncated() ? "path" : "";
    }
}
