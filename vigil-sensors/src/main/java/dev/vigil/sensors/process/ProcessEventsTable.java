package dev.vigil.sensors.process;

import dev.vigil.sensors.EventColumns;
import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.EventTable;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.SensorStatus;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.TableSpec;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.vigil.sql.spi.Column.Flag.HIDDEN;

/**
 * osquery's {@code process_events}, with osquery's columns, filled from the eBPF process sensor instead of Linux
 * Audit: one row per successful exec, kept in the exec events' own store, which forks and exits cannot evict.
 * Columns audit would fill from records eBPF does not read (the environment) stay NULL.
 */
public final class ProcessEventsTable extends EventTable<ProcessEvent> {
    private static final EventColumns<ProcessEvent> COLUMNS = new EventColumns<>();
    static final Column PID = COLUMNS.bigint("pid", "Process (or thread) ID", e -> (long) e.event().pid());
    static final Column PATH = COLUMNS.text("path", "Path of the executed file, symbolic links resolved", e -> image(e.event()).path());
    static final Column MODE = COLUMNS.text("mode", "File mode permissions of the executed file, in octal", file(ProcessEvent.ExecutableFile::mode));
    static final Column CMDLINE = COLUMNS.text("cmdline", "Command line arguments (argv), separated by spaces", e -> image(e.event()).cmdline());
    static final Column CMDLINE_SIZE = COLUMNS.bigint("cmdline_size", "Size in bytes of the command line arguments as captured",
            e -> image(e.event()).argv().stream().mapToLong(a -> dev.vigil.sql.text.RawText.encode(a).length + 1L).sum(), HIDDEN);
    static final Column ENV = COLUMNS.text("env", "Environment variables delimited by spaces (not captured by the eBPF sensor)", e -> null, HIDDEN);
    static final Column ENV_COUNT = COLUMNS.bigint("env_count", "Number of environment variables (not captured by the eBPF sensor)", e -> null, HIDDEN);
    static final Column ENV_SIZE = COLUMNS.bigint("env_size", "Size in bytes of the environment (not captured by the eBPF sensor)", e -> null, HIDDEN);
    static final Column CWD = COLUMNS.text("cwd", "The process's current working directory at exec", e -> image(e.event()).cwd());
    static final Column AUID = COLUMNS.bigint("auid", "Audit (login) user ID of the process; 4294967295 when unset", e -> e.event().credentials().auid());
    static final Column UID = COLUMNS.bigint("uid", "User ID of the process", e -> e.event().credentials().uid());
    static final Column EUID = COLUMNS.bigint("euid", "Effective user ID of the process", e -> e.event().credentials().euid());
    static final Column GID = COLUMNS.bigint("gid", "Group ID of the process", e -> e.event().credentials().gid());
    static final Column EGID = COLUMNS.bigint("egid", "Effective group ID of the process", e -> e.event().credentials().egid());
    static final Column OWNER_UID = COLUMNS.bigint("owner_uid", "User ID that owns the executed file", file(ProcessEvent.ExecutableFile::ownerUid));
    static final Column OWNER_GID = COLUMNS.bigint("owner_gid", "Group ID that owns the executed file", file(ProcessEvent.ExecutableFile::ownerGid));
    static final Column ATIME = COLUMNS.bigint("atime", "Last access time of the executed file", file(ProcessEvent.ExecutableFile::atime));
    static final Column MTIME = COLUMNS.bigint("mtime", "Last modification time of the executed file", file(ProcessEvent.ExecutableFile::mtime));
    static final Column CTIME = COLUMNS.bigint("ctime", "Last status change time of the executed file", file(ProcessEvent.ExecutableFile::ctime));
    static final Column BTIME = COLUMNS.bigint("btime", "Creation time of the executed file", file(ProcessEvent.ExecutableFile::btime));
    static final Column OVERFLOWS = COLUMNS.text("overflows", "Fields that overflowed the sensor's limits (cmdline, path)", e -> overflows(image(e.event())), HIDDEN);
    static final Column PARENT = COLUMNS.bigint("parent", "Process ID of the parent", e -> (long) e.event().ppid());
    static final Column TIME = COLUMNS.bigint("time", "Time of the exec in UNIX time", e -> e.time());
    static final Column UPTIME = COLUMNS.bigint("uptime", "Time of the exec in seconds since boot", e -> e.uptime());
    static final Column EID = COLUMNS.text("eid", "Event ID", e -> Long.toString(e.eid()), HIDDEN);
    static final Column FSUID = COLUMNS.bigint("fsuid", "File system user ID of the process", e -> e.event().credentials().fsuid());
    static final Column SUID = COLUMNS.bigint("suid", "Saved user ID of the process", e -> e.event().credentials().suid());
    static final Column FSGID = COLUMNS.bigint("fsgid", "File system group ID of the process", e -> e.event().credentials().fsgid());
    static final Column SGID = COLUMNS.bigint("sgid", "Saved group ID of the process", e -> e.event().credentials().sgid());
    static final Column SYSCALL = COLUMNS.text("syscall", "Syscall name: execve", e -> "execve");
    static final TableSpec SPEC = TableSpec.evented("process_events",
            "Track every process execution, from the eBPF process sensor.", COLUMNS.columns(),
            "SELECT pid, parent, path, cmdline, cwd, uid FROM process_events WHERE path LIKE '/tmp/%'");

    public ProcessEventsTable(EventStores<ProcessEvent> stores, ExecutableIndex executables,
                              Supplier<SensorStatus> sensor) {
        super(SPEC, COLUMNS, stores, List.of(ProcessEvent.Kind.EXEC.label()), executables, sensor);
    }

    private static ProcessEvent.Image image(ProcessEvent e) {
        return e.image();
    }

    /** A column of the executed file's facts, NULL where they could not be read. */
    private static EventColumns.Value<ProcessEvent> file(Function<ProcessEvent.ExecutableFile, Object> fact) {
        return e -> e.event().executable() == null ? null : fact.apply(e.event().executable());
    }

    private static String overflows(ProcessEvent.Image image) {
        if (image.argvTruncated() && image.pathTruncated()) {
            return "cmdline,path";
        }
        return image.argvTruncated() ? "cmdline" : image.pathTruncated() ? "path" : "";
    }
}
