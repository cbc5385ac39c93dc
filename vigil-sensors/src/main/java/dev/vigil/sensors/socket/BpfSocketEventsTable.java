package dev.vigil.sensors.socket;

import dev.vigil.sensors.EventColumns;
import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.EventTable;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sensors.SensorStatus;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.TableSpec;

import java.util.function.Supplier;

import static dev.vigil.sql.spi.Column.Flag.HIDDEN;

/** osquery 5.x's {@code bpf_socket_events}: one row per connect, accept, bind and listen seen by the socket sensor. */
public final class BpfSocketEventsTable extends EventTable<SocketEvent> {
    private static final EventColumns<SocketEvent> COLUMNS = new EventColumns<>();
    static final Column TID = COLUMNS.bigint("tid", "Thread ID", e -> (long) e.event().tid());
    static final Column PID = COLUMNS.bigint("pid", "Process ID", e -> (long) e.event().pid());
    static final Column PARENT = COLUMNS.bigint("parent", "Parent process ID", e -> (long) e.event().ppid());
    static final Column UID = COLUMNS.bigint("uid", "User ID", e -> e.event().uid());
    static final Column GID = COLUMNS.bigint("gid", "Group ID", e -> e.event().gid());
    static final Column CID = COLUMNS.integer("cid", "Cgroup ID", e -> e.event().cgroupId());
    static final Column EXIT_CODE = COLUMNS.text("exit_code", "Exit code of the system call: 0 or a descriptor, or minus errno", e -> Integer.toString(e.event().result()));
    static final Column PROBE_ERROR = COLUMNS.integer("probe_error", "Set to 1 if the socket's addresses could not be read", e -> e.event().localAddress() == null && e.event().remoteAddress() == null);
    static final Column SYSCALL = COLUMNS.text("syscall", "System call name: connect, accept, bind or listen", e -> e.event().action());
    static final Column PATH = COLUMNS.text("path", "Path of the executed file", e -> e.path(e.event().path()));
    static final Column FD = COLUMNS.text("fd", "The file descriptor", e -> Integer.toString(e.event().fd()));
    static final Column FAMILY = COLUMNS.integer("family", "The Internet protocol family ID", e -> e.event().family());
    static final Column TYPE = COLUMNS.integer("type", "The socket type: 1 for stream, 2 for datagram", e -> e.event().type() != 0 ? e.event().type() : null);
    static final Column PROTOCOL = COLUMNS.integer("protocol", "The network protocol ID", e -> e.event().type() != 0 ? e.event().protocol() : null);
    static final Column LOCAL_ADDRESS = COLUMNS.text("local_address", "Local address associated with the socket", e -> e.event().localAddress());
    static final Column REMOTE_ADDRESS = COLUMNS.text("remote_address", "Remote address associated with the socket", e -> e.event().remoteAddress());
    static final Column LOCAL_PORT = COLUMNS.integer("local_port", "Local network protocol port number", e -> e.event().localAddress() != null ? e.event().localPort() : null);
    static final Column REMOTE_PORT = COLUMNS.integer("remote_port", "Remote network protocol port number", e -> e.event().remoteAddress() != null ? e.event().remotePort() : null);
    static final Column DURATION = COLUMNS.integer("duration", "How much time was spent inside the syscall (nsecs)", e -> e.event().durationNanos());
    static final Column NTIME = COLUMNS.text("ntime", "The nsecs uptime timestamp as obtained from BPF", e -> Long.toString(e.event().monotonicNanos()));
    static final Column TIME = COLUMNS.bigint("time", "Time of execution in UNIX time", e -> e.time(), HIDDEN);
    static final Column EID = COLUMNS.integer("eid", "Event ID", e -> e.eid(), HIDDEN);
    static final TableSpec SPEC = TableSpec.evented("bpf_socket_events",
            "Track network socket opens and connects, from the eBPF socket sensor.", COLUMNS.columns(),
            "SELECT pid, path, syscall, remote_address, remote_port FROM bpf_socket_events WHERE syscall = 'connect'");

    public BpfSocketEventsTable(EventStores<SocketEvent> stores, ExecutableIndex executables, Supplier<SensorStatus> sensor) {
        super(SPEC, COLUMNS, stores, SocketSensor.KINDS, executables, sensor);
    }
}
