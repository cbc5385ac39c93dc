package dev.vigil.tables.sockets;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.tables.process.Procfs;

import java.util.Optional;

/**
 * osquery's {@code listening_ports}: the sockets of {@code process_open_sockets} that wait for peers. As osquery
 * decides it: an internet socket with no remote port (TCP in LISTEN, bound unconnected UDP, raw), every unix
 * socket bound to a path, and packet sockets; TCP sockets must also be in state LISTEN. Address "0.0.0.0" or "::" means every address.
 */
public final class ListeningPortsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column PID = COLUMNS.integer("pid", "Process (or thread) ID");
    static final Column PORT = COLUMNS.integer("port", "Transport layer port");
    static final Column PROTOCOL = COLUMNS.integer("protocol", "Transport protocol (TCP/UDP)");
    static final Column FAMILY = COLUMNS.integer("family", "Network protocol (IPv4, IPv6)");
    static final Column ADDRESS = COLUMNS.text("address", "Specific address for bind");
    static final Column FD = COLUMNS.bigint("fd", "Socket file descriptor number");
    static final Column SOCKET = COLUMNS.bigint("socket", "Socket handle or inode number");
    static final Column PATH = COLUMNS.text("path", "Path for UNIX domain sockets");
    static final Column NET_NAMESPACE = COLUMNS.text("net_namespace", "The inode number of the network namespace");

    static final TableSpec SPEC = TableSpec.of("listening_ports",
            "Processes with listening (bound) network sockets/ports.", COLUMNS,
            "SELECT pid, port, protocol, address FROM listening_ports WHERE family IN (2, 10)",
            "SELECT DISTINCT p.name, l.port, p.path FROM listening_ports l JOIN processes p USING (pid) "
                    + "WHERE l.address NOT IN ('127.0.0.1', '::1') AND l.port != 0");

    private final Procfs procfs;

    public ListeningPortsTable(HostPaths host) {
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
        for (OpenSocket open : SocketScan.scan(procfs, context, PID)) {
            NetSocket socket = open.socket();
            if (!isListening(socket)) {
                continue;
            }
            Row row = new Row(SPEC);
            row.set(PID, open.pid());
            row.set(FD, open.fd());
            row.set(SOCKET, socket.inode());
            row.set(FAMILY, socket.family());
            row.set(PROTOCOL, socket.protocol());
            row.set(PORT, socket.localPort());
            row.set(ADDRESS, socket.localAddress());
            row.set(PATH, socket.path());
            row.set(NET_NAMESPACE, open.netNamespace() == null ? null : open.netNamespace().toString());
            out.add(row);
        }
    }

    /** osquery's rule (unix sockets with a path, internet sockets without a peer, all others), TCP in LISTEN. */
    static boolean isListening(NetSocket socket) {
        if (socket.family() == NetSocket.AF_UNIX) {
            return socket.path() != null;
        }
        if (socket.isInternet()) {
            return socket.remotePort() == 0
                    && (socket.protocol() != NetSocket.IPPROTO_TCP || "LISTEN".equals(socket.state()));
        }
        return true;
    }
}
