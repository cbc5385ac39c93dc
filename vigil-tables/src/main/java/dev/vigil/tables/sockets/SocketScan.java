package dev.vigil.tables.sockets;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.tables.process.Procfs;

import java.util.List;
import java.util.Set;

/** How the socket tables turn a query's pid constraints into a {@link SocketInventory} scan. */
final class SocketScan {
    private SocketScan() {
    }

    /**
     * With {@code pid =} or {@code IN} constraints, the sockets those processes hold; otherwise every socket,
     * unowned ones included. As in osquery, asking for pid -1 (the pid of unowned sockets) scans everything.
     */
    static List<OpenSocket> scan(Procfs procfs, QueryContext context, Column pidColumn) {
        Set<Long> wanted = context.equalsLong(pidColumn);
        boolean filtered = context.hasEquality(pidColumn) && !wanted.contains(-1L);
        SocketInventory inventory = new SocketInventory(procfs);
        return filtered ? inventory.scan(procfs.pids(context, pidColumn), false, context::warn)
                : inventory.scan(procfs.pids(), true, context::warn);
    }
}
