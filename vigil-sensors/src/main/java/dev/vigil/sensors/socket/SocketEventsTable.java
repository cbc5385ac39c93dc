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

/**
 * osquery's {@code socket_events}, with osquery's columns, filled from the eBPF socket sensor instead of Linux
 * Audit: one row per connect, accept, bind and listen on an IPv4 or IPv6 socket.
 */
public final class SocketEventsTable extends EventTable<SocketEvent> {
    private static final EventColumns<SocketEvent> COLUMNS = new EventColumns<>();
    static final Column ACTION = COLUMNS.text("action", "The socket action: bind, listen, accept or connect", e -> e.event().action());
    static final Column PID = COLUMNS.bigint("pid", "Process (or thread) ID", e -> (long) e.event().pid());
    static final Column PATH = COLUMNS.text("path", "Path of the process's executable", e -> e.path(e.event().path()));
    static final Column FD = COLUMNS.text("fd", "The file descriptor of the socket (for accept: the new connection's)", e -> Integer.toString(e.event().fd()));
    static final Column AUID = COLUMNS.bigint("auid", "Audit (login) user ID of the process; 4294967295 when unset", e -> e.event().auid());
    static final Column FAMILY = COLUMNS.integer("family", "The Internet protocol family ID: 2 for IPv4, 10 for IPv6", e -> e.event().family());
    static final Column PROTOCOL = COLUMNS.integer("protocol", "The network protocol ID: 6 for TCP, 17 for UDP", e -> e.event().protocol() != 0 ? e.event().protocol() : null, HIDDEN);
    static final Column LOCAL_ADDRESS = COLUMNS.text("local_address", "Local address associated with the socket", e -> e.event().localAddress());
    static final Column REMOTE_ADDRESS = COLUMNS.text("remote_address", "Remote address associated with the socket", e -> e.event().remoteAddress());
    static final Column LOCAL_PORT = COLUMNS.integer("local_port", "Local network protocol port number", e -> e.event().localAddress() != null ? e.event().localPort() : null);
    static final Column REMOTE_PORT = COLUMNS.integer("remote_port", "Remote network protocol port number", e -> e.event().remoteAddress() != null ? e.event().remotePort() : null);
    static final Column SOCKET = COLUMNS.text("socket", "The local path (UNIX domain sockets only; not reported by the eBPF sensor)", e -> null, HIDDEN);
    static final Column TIME = COLUMNS.bigint("time", "Time of the call in UNIX time", e -> e.time());
    static final Column UPTIME = COLUMNS.bigint("uptime", "Time of the call in seconds since boot", e -> e.uptime());
    static final Column EID = COLUMNS.text("eid", "Event ID", e -> Long.toString(e.eid()), HIDDEN);
    static final Column SUCCESS = COLUMNS.integer("success", "1 if the call succeeded (or a non-blocking connect is under way), else 0", e -> !"failed".equals(e.event().status()), HIDDEN);
    static final Column STATUS = COLUMNS.text("status", "succeeded, failed, or in_progress (a non-blocking connect under way)", e -> e.event().status());
    static final TableSpec SPEC = TableSpec.evented("socket_events",
            "Track network socket opens and connects, from the eBPF socket sensor.", COLUMNS.columns(),
            "SELECT action, pid, path, remote_address, remote_port FROM socket_events WHERE action = 'connect'");

    public SocketEventsTable(EventStores<SocketEvent> stores, ExecutableIndex executables, Supplier<SensorStatus> sensor) {
        super(SPEC, COLUMNS, stores, SocketSensor.KINDS, executables, sensor);
    }
}
