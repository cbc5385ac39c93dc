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
 * osquery 5.x's {@code bpf_process_events}, one row per exec, exit and fork seen by the eBPF process sensor; the
 * {@code syscall} column says which. An exit row carries the process's path, cwd and cmdline from its last exec,
 * its exit code and how long it lived. Constructed with the sensor's store.
 */
public final class BpfProcessEventsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column TID = COLUMNS.bigint("tid", "Thread ID");
    static final Column PID = COLUMNS.bigint("pid", "Process ID (for fork: the new process)");
    static final Column PARENT = COLUMNS.bigint("parent", "Parent process ID");
    static final Column UID = COLUMNS.bigint("uid", "User ID");
    static final Column GID = COLUMNS.bigint("gid", "Group ID");
    static final Column CID = COLUMNS.integer("cid", "Cgroup ID (cgroup v2 inode number; exec only)");
    static final Column EXIT_CODE = COLUMNS.text("exit_code", "exec and fork: 0; exit: the exit code, or minus the signal that killed the process");
    static final Column PROBE_ERROR = COLUMNS.integer("probe_error", "Set to 1 if the path, cwd or command line was cut at the sensor's limits");
    static final Column SYSCALL = COLUMNS.text("syscall", "What happened: execve, exit or fork");
    static final Column PATH = COLUMNS.text("path", "Binary path");
    static final Column CWD = COLUMNS.text("cwd", "Current working directory at exec");
    static final Column CMDLINE = COLUMNS.text("cmdline", "Command line arguments");
    static final Column DURATION = COLUMNS.integer("duration", "exit only: how long the process lived, in nanoseconds");
    static final Column JSON_CMDLINE = COLUMNS.text("json_cmdline", "Command line arguments, in JSON format", HIDDEN);
    static final Column NTIME = COLUMNS.text("ntime", "The nanosecond monotonic (uptime) timestamp as obtained from BPF");
    static final Column TIME = COLUMNS.bigint("time", "Time of the event in UNIX time", HIDDEN);
    static final Column EID = COLUMNS.integer("eid", "Event ID", HIDDEN);
    static final TableSpec SPEC = TableSpec.evented("bpf_process_events",
            "Track process executions, exits and forks, from the eBPF process sensor.", COLUMNS,
            "SELECT pid, path, cmdline, exit_code, duration FROM bpf_process_events WHERE syscall = 'exit'");

    private final EventStore<ProcessEvent> store;

    public BpfProcessEventsTable(EventStore<ProcessEvent> store) {
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
            long pid = e.type() == ProcessEvent.Kind.FORK && e.childPid() != null ? e.childPid() : e.pid();
            if (!pids.isEmpty() && !pids.contains(pid)) {
                continue;
            }
            out.add(row(stored.eid(), e, pid));
        }
    }

    private static Row row(long eid, ProcessEvent e, long pid) {
        Row row = new Row(SPEC);
        row.set(TID, e.type() == ProcessEvent.Kind.FORK ? pid : e.tid());
        row.set(PID, pid);
        row.set(PARENT, e.type() == ProcessEvent.Kind.FORK ? e.pid() : e.ppid());
        row.set(UID, e.credentials().uid());
        row.set(GID, e.credentials().gid());
        if (e.type() == ProcessEvent.Kind.EXEC) {
            row.set(CID, e.cgroupId());
        }
        row.set(SYSCALL, switch (e.type()) {
            case EXEC -> "execve";
            case EXIT -> "exit";
            case FORK -> "fork";
        });
        row.set(EXIT_CODE, switch (e.type()) {
            case EXEC, FORK -> "0";
            case EXIT -> e.exitCode() != null ? e.exitCode().toString()
                    : e.termSignal() != null ? Integer.toString(-e.termSignal()) : null;
        });
        ProcessEvent.Image image = e.image();
        if (image != null) {
            row.set(PATH, image.path());
            row.set(CWD, image.cwd());
            row.set(CMDLINE, image.cmdline());
            row.set(JSON_CMDLINE, dev.vigil.sensors.JsonText.array(image.argv()));
            row.set(PROBE_ERROR, image.argvTruncated() || image.pathTruncated());
        } else {
            row.set(PROBE_ERROR, 0L);
        }
        row.set(DURATION, e.durationNanos());
        row.set(NTIME, Long.toString(e.monotonicNanos()));
        row.set(TIME, e.timeNanos() / 1_000_000_000L);
        row.set(EID, eid);
        return row;
    }
}
