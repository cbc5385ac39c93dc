package dev.vigil.tables.sockets;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableProvider;

import java.util.List;

/** The tables of sockets and the processes holding them. */
public final class SocketTables implements TableProvider {

    @Override
    public List<Table> tables(HostPaths host) {
        return List.of(new ProcessOpenSocketsTable(host), new ListeningPortsTable(host));
    }
}
