package dev.vigil.sensors.socket;

import dev.vigil.sensors.EventStore;
import dev.vigil.sensors.ExecutableIndex;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.util.Objects;

import static dev.vigil.sql.spi.Column.Flag.HIDDEN;

/** osquery 5.x's {@code bpf_socket_events}: one row per connect, accept, bind and listen seen by the socket sensor. */
public final class BpfSocketEventsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column TID = COLUMNS.bigint("tid", "Thread ID");
    static final Column PID = COLUMNS.bigint("pid", "Process ID");
    static final Column PARENT = COLUMNS.bigint("parent", "Parent process ID");
    static final Column UID = COLUMNS.bigint("uid", "User ID");
    static final Column GID = COLUMNS.bigint("gid", "Group ID");
    static final Column CID = COLUMNS.integer("cid", "Cgroup ID");
    static final Column EXIT_CODE = COLUMNS.text("exit_code", "Exit code of the system call: 0 or a descriptor, or minus errno");
    static final Column PROBE_ERROR = COLUMNS.integer("probe_error", "Set to 1 if the socket's addresses could not be read");
    static final Column SYSCALL = COLUMNS.text("syscall", "System call name: connect, accept, bind or listen");
    static final Column PATH = COLUMNS.text("path", "Path of the executed file");
    static final Column FD = COLUMNS.text("fd", "The file descriptor");
    static final Column FAMILY = COLUMNS.integer("family", "The Internet protocol family ID");
    static final Column TYPE = COLUMNS.integer("type", "The socket type: 1 for stream, 2 for datagram");
    static final Column PROTOCOL = COLUMNS.integer("protocol", "The network protocol ID");
    static final Column LOCAL_ADDRESS = COLUMNS.text("local_address", "Local address associated with the socket");
    static final Column REMOTE_ADDRESS = COLUMNS.text("remote_address", "Remote address associated with the socket");
    static final Column LOCAL_PORT = COLUMNS.integer("local_port", "Local network protocol port number");
    static final Column REMOTE_PORT = COLUMNS.integer("remote_port", "Remote network protocol port number");
    static final Column DURATION = COLUMNS.integer("duration", "How much time was spent inside the syscall (nsecs)");
    static final Column NTIME = COLUMNS.text("ntime", "The nsecs uptime timestamp as obtained from BPF");
    static final Column TIME = COLUMNS.bigint("time", "Time of execution in UNIX time", HIDDEN);
    static final Column EID = COLUMNS.integer("eid", "Event ID", HIDDEN);
    static final TableSpec SPEC = TableSpec.evented("bpf_socket_events",
            "Track network socket opens and connects, from the eBPF socket sensor.", COLUMNS,
            "SELECT pid, path, syscall, remote_address, remote_port FROM bpf_socket_events WHERE syscall = 'connect'");

    private final EventStore<SocketEvent> store;
    private final ExecutableIndex executables;

    /** @param executables fills the path of processes gone from /proc when the event was read */
    public BpfSocketEventsTable(EventStore<SocketEvent> store, ExecutableIndex executables) {
        this.store = Objects.requireNonNull(store);
        this.executables = Objects.requireNonNull(executables);
    }

    public BpfSocketEventsTable(EventStore<SocketEvent> store) {
        this(store, new ExecutableIndex());
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public void generate(QueryContext context, RowSink out) {
        var pids = context.equalsLong(PID);
        for (EventStore.Stored<SocketEvent> stored : store.forScan(context)) {
            SocketEvent e = stored.event();
            if (!pids.isEmpty() && !pids.contains((long) e.pid())) {
                continue;
            }
            Row row = new Row(SPEC);
            row.set(TID, e.tid());
            row.set(PID, e.pid());
            row.set(PARENT, e.ppid());
            row.set(UID, e.uid());
            row.set(GID, e.gid());
            row.set(CID, e.cgroupId());
            row.set(EXIT_CODE, Integer.toString(e.result()));
            row.set(PROBE_ERROR, e.localAddress() == null && e.remoteAddress() == null);
            row.set(SYSCALL, e.action());
            row.set(PATH, e.path() != null ? e.path() : executables.pathAt(e.pid(), e.monotonicNanos()));
            row.set(FD, Integer.toString(e.fd()));
            row.set(FAMILY, e.family());
            if (e.type() != 0) {
                row.set(TYPE, e.type());
                row.set(PROTOCOL, e.protocol());
            }
            row.set(LOCAL_ADDRESS, e.localAddress());
            row.set(REMOTE_ADDRESS, e.remoteAddress());
            if (e.localAddress() != null) {
                row.set(LOCAL_PORT, e.localPort());
            }
            if (e.remoteAddress() != null) {
                row.set(REMOTE_PORT, e.remotePort());
            }
            row.set(DURATION, e.durationNanos());
            row.set(NTIME, Long.toString(e.monotonicNanos()));
            row.set(TIME, e.timeNanos() / 1_000_000_000L);
            row.set(EID, stored.eid());
            out.add(row);
        }
    }
}
