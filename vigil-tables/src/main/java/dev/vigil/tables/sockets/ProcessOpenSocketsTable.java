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
 * osquery's {@code process_open_sockets}: internet, unix and packet sockets with the process and descriptor
 * holding them. Without a pid constraint every socket of every network namespace is listed, those no process
 * holds (TIME_WAIT, for example) with pid and fd -1, as osquery does; {@code pid = } or {@code pid IN (...)}
 * reads only those processes and their sockets. A socket held by several processes gives a row per holder.
 */
public final class ProcessOpenSocketsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column PID = COLUMNS.integer("pid", "Process (or thread) ID");
    static final Column FD = COLUMNS.bigint("fd", "Socket file descriptor number");
    static final Column SOCKET = COLUMNS.bigint("socket", "Socket handle or inode number");
    static final Column FAMILY = COLUMNS.integer("family", "Network protocol (IPv4, IPv6)");
    static final Column PROTOCOL = COLUMNS.integer("protocol", "Transport protocol (TCP/UDP)");
    static final Column LOCAL_ADDRESS = COLUMNS.text("local_address", "Socket local address");
    static final Column REMOTE_ADDRESS = COLUMNS.text("remote_address", "Socket remote address");
    static final Column LOCAL_PORT = COLUMNS.integer("local_port", "Socket local port");
    static final Column REMOTE_PORT = COLUMNS.integer("remote_port", "Socket remote port");
    static final Column PATH = COLUMNS.text("path", "For UNIX sockets (family=AF_UNIX), the domain path");
    static final Column STATE = COLUMNS.text("state", "TCP socket state");
    static final Column NET_NAMESPACE = COLUMNS.text("net_namespace", "The inode number of the network namespace");

    static final TableSpec SPEC = TableSpec.of("process_open_sockets",
            "Processes which have open network sockets on the system.", COLUMNS,
            "SELECT * FROM process_open_sockets WHERE pid = 1",
            "SELECT p.name, s.remote_address, s.remote_port FROM process_open_sockets s JOIN processes p "
                    + "USING (pid) WHERE s.state = 'ESTABLISHED'");

    private final Procfs procfs;

    public ProcessOpenSocketsTable(HostPaths host) {
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
            Row row = new Row(SPEC);
            row.set(PID, open.pid());
            row.set(FD, open.fd());
            row.set(SOCKET, socket.inode());
            row.set(FAMILY, socket.family());
            row.set(PROTOCOL, socket.protocol());
            row.set(LOCAL_ADDRESS, socket.localAddress());
            row.set(REMOTE_ADDRESS, socket.remoteAddress());
            row.set(LOCAL_PORT, socket.localPort());
            row.set(REMOTE_PORT, socket.remotePort());
            row.set(PATH, socket.path());
            row.set(STATE, socket.state());
            row.set(NET_NAMESPACE, open.netNamespace() == null ? null : open.netNamespace().toString());
            out.add(row);
        }
    }
}
