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

/**
 * osquery's {@code socket_events}, with osquery's columns, filled from the eBPF socket sensor instead of Linux
 * Audit: one row per connect, accept, bind and listen on an IPv4 or IPv6 socket. Constructed with the sensor's
 * store.
 */
public final class SocketEventsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column ACTION = COLUMNS.text("action", "The socket action: bind, listen, accept or connect");
    static final Column PID = COLUMNS.bigint("pid", "Process (or thread) ID");
    static final Column PATH = COLUMNS.text("path", "Path of the process's executable");
    static final Column FD = COLUMNS.text("fd", "The file descriptor of the socket (for accept: the new connection's)");
    static final Column AUID = COLUMNS.bigint("auid", "Audit (login) user ID of the process; 4294967295 when unset");
    static final Column FAMILY = COLUMNS.integer("family", "The Internet protocol family ID: 2 for IPv4, 10 for IPv6");
    static final Column PROTOCOL = COLUMNS.integer("protocol", "The network protocol ID: 6 for TCP, 17 for UDP", HIDDEN);
    static final Column LOCAL_ADDRESS = COLUMNS.text("local_address", "Local address associated with the socket");
    static final Column REMOTE_ADDRESS = COLUMNS.text("remote_address", "Remote address associated with the socket");
    static final Column LOCAL_PORT = COLUMNS.integer("local_port", "Local network protocol port number");
    static final Column REMOTE_PORT = COLUMNS.integer("remote_port", "Remote network protocol port number");
    static final Column SOCKET = COLUMNS.text("socket", "The local path (UNIX domain sockets only; not reported by the eBPF sensor)", HIDDEN);
    static final Column TIME = COLUMNS.bigint("time", "Time of the call in UNIX time");
    static final Column UPTIME = COLUMNS.bigint("uptime", "Time of the call in seconds since boot");
    static final Column EID = COLUMNS.text("eid", "Event ID", HIDDEN);
    static final Column SUCCESS = COLUMNS.integer("success", "1 if the call succeeded (or a non-blocking connect is under way), else 0", HIDDEN);
    static final Column STATUS = COLUMNS.text("status", "succeeded, failed, or in_progress (a non-blocking connect under way)");
    static final TableSpec SPEC = TableSpec.evented("socket_events",
            "Track network socket opens and connects, from the eBPF socket sensor.", COLUMNS,
            "SELECT action, pid, path, remote_address, remote_port FROM socket_events WHERE action = 'connect'");

    private final EventStore<SocketEvent> store;
    private final ExecutableIndex executables;

    /** @param executables fills the path of processes gone from /proc when the event was read */
    public SocketEventsTable(EventStore<SocketEvent> store, ExecutableIndex executables) {
        this.store = Objects.requireNonNull(store);
        this.executables = Objects.requireNonNull(executables);
    }

    public SocketEventsTable(EventStore<SocketEvent> store) {
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
            row.set(ACTION, e.action());
            row.set(PID, e.pid());
            row.set(PATH, e.path() != null ? e.path() : executables.pathAt(e.pid(), e.monotonicNanos()));
            row.set(FD, Integer.toString(e.fd()));
            row.set(AUID, e.auid());
            row.set(FAMILY, e.family());
            if (e.protocol() != 0) {
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
            row.set(TIME, e.timeNanos() / 1_000_000_000L);
            row.set(UPTIME, e.monotonicNanos() / 1_000_000_000L);
            row.set(EID, Long.toString(stored.eid()));
            row.set(SUCCESS, !"failed".equals(e.status()));
            row.set(STATUS, e.status());
            out.add(row);
        }
    }
}
