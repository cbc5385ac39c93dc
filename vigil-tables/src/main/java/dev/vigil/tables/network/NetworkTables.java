package dev.vigil.tables.network;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableProvider;

import java.util.List;

/** The tables of network interfaces, routes and name resolution. */
public final class NetworkTables implements TableProvider {

    @Override
    public List<Table> tables(HostPaths host) {
        return List.of(new InterfaceAddressesTable(host), new InterfaceDetailsTable(host), new RoutesTable(host),
                new EtcHostsTable(host), new DnsResolversTable(host));
    }
}
