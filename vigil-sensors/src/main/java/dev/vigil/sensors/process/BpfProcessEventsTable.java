package dev.vigil.sensors.process;

import dev.vigil.sensors.EventColumns;
import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.EventTable;
import dev.vigil.sensors.EventView;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.SensorStatus;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.sql.text.Json;

import java.util.function.Function;
import java.util.function.Supplier;

import static dev.vigil.sql.spi.Column.Flag.HIDDEN;

/**
 * osquery 5.x's {@code bpf_process_events}, one row per exec, exit and fork seen by the eBPF process sensor; the
 * {@code syscall} column says which. An exit row carries the process's path, cwd and cmdline from its last exec,
 * its exit code and how long it lived. Each kind is kept in its own store.
 */
public final class BpfProcessEventsTable extends EventTable<ProcessEvent> {
    private static final EventColumns<ProcessEvent> COLUMNS = new EventColumns<>();
    static final Column TID = COLUMNS.bigint("tid", "Thread ID", e -> isFork(e) ? pid(e) : (long) e.event().tid());
    static final Column PID = COLUMNS.bigint("pid", "Process ID (for fork: the new process)", BpfProcessEventsTable::pid);
    static final Column PARENT = COLUMNS.bigint("parent", "Parent process ID", e -> (long) (isFork(e) ? e.event().pid() : e.event().ppid()));
    static final Column UID = COLUMNS.bigint("uid", "User ID", e -> e.event().credentials().uid());
    static final Column GID = COLUMNS.bigint("gid", "Group ID", e -> e.event().credentials().gid());
    static final Column CID = COLUMNS.integer("cid", "Cgroup ID (cgroup v2 inode number; exec only)", e -> e.event().type() == ProcessEvent.Kind.EXEC ? e.event().cgroupId() : null);
    static final Column EXIT_CODE = COLUMNS.text("exit_code", "exec and fork: 0; exit: the exit code, or minus the signal that killed the process", BpfProcessEventsTable::exitCode);
    static final Column PROBE_ERROR = COLUMNS.integer("probe_error", "Set to 1 if the path, cwd or command line was cut at the sensor's limits", e -> e.event().image() != null && (e.event().image().argvTruncated() || e.event().image().pathTruncated()));
    static final Column SYSCALL = COLUMNS.text("syscall", "What happened: execve, exit or fork", e -> switch (e.event().type()) {
        case EXEC -> "execve";
        case EXIT -> "exit";
        case FORK -> "fork";
    });
    static final Column PATH = COLUMNS.text("path", "Binary path", image(ProcessEvent.Image::path));
    static final Column CWD = COLUMNS.text("cwd", "Current working directory at exec", image(ProcessEvent.Image::cwd));
    static final Column CMDLINE = COLUMNS.text("cmdline", "Command line arguments", image(ProcessEvent.Image::cmdline));
    static final Column DURATION = COLUMNS.integer("duration", "exit only: how long the process lived, in nanoseconds", e -> e.event().durationNanos());
    static final Column JSON_CMDLINE = COLUMNS.text("json_cmdline", "Command line arguments, in JSON format", image(i -> Json.array(i.argv())), HIDDEN);
    static final Column NTIME = COLUMNS.text("ntime", "The nanosecond monotonic (uptime) timestamp as obtained from BPF", e -> Long.toString(e.event().monotonicNanos()));
    static final Column TIME = COLUMNS.bigint("time", "Time of the event in UNIX time", e -> e.time(), HIDDEN);
    static final Column EID = COLUMNS.integer("eid", "Event ID", e -> e.eid(), HIDDEN);
    static final TableSpec SPEC = TableSpec.evented("bpf_process_events",
            "Track process executions, exits and forks, from the eBPF process sensor.", COLUMNS.columns(),
            "SELECT pid, path, cmdline, exit_code, duration FROM bpf_process_events WHERE syscall = 'exit'");

    public BpfProcessEventsTable(EventStores<ProcessEvent> stores, ExecutableIndex executables,
                                 Supplier<SensorStatus> sensor) {
        super(SPEC, COLUMNS, stores, ProcessSensor.KINDS, executables, sensor);
    }

    private static boolean isFork(EventView<ProcessEvent> e) {
        return e.event().type() == ProcessEvent.Kind.FORK;
    }

    /** The process a row is about: for a fork the new one. */
    private static Object pid(EventView<ProcessEvent> e) {
        ProcessEvent p = e.event();
        return (long) (p.type() == ProcessEvent.Kind.FORK && p.childPid() != null ? p.childPid() : p.pid());
    }

    private static Object exitCode(EventView<ProcessEvent> e) {
        ProcessEvent p = e.event();
        return switch (p.type()) {
            case EXEC, FORK -> "0";
            case EXIT -> p.exitCode() != null ? p.exitCode().toString()
                    : p.termSignal() != null ? Integer.toString(-p.termSignal()) : null;
        };
    }

    /** A column of the process's image (its last exec), NULL where the sensor did not see one. */
    private static EventColumns.Value<ProcessEvent> image(Function<ProcessEvent.Image, Object> fact) {
        return e -> e.event().image() == null ? null : fact.apply(e.event().image());
    }
}
