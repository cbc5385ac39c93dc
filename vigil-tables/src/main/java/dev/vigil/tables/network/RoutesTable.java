package dev.vigil.tables.network;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.sql.text.RawText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * osquery's {@code routes}: the IPv4 main routing table (/proc/net/route) and every IPv6 routing table
 * (/proc/net/ipv6_route). The proc listings do not give a route's preferred source or hop limit, so source and
 * hopcount stay empty; flags are the listing's RTF_* flags. Without /proc/net/route the table is unsupported and
 * has no rows.
 */
public final class RoutesTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column DESTINATION = COLUMNS.text("destination", "Destination IP address");
    static final Column NETMASK = COLUMNS.integer("netmask", "Netmask length");
    static final Column GATEWAY = COLUMNS.text("gateway", "Route gateway");
    static final Column SOURCE = COLUMNS.text("source", "Route source");
    static final Column FLAGS = COLUMNS.integer("flags", "Flags to describe route");
    static final Column INTERFACE = COLUMNS.text("interface", "Route local interface");
    static final Column MTU = COLUMNS.integer("mtu", "Maximum Transmission Unit for the route");
    static final Column METRIC = COLUMNS.integer("metric", "Cost of route. Lowest is preferred");
    static final Column TYPE = COLUMNS.text("type", "Type of route");
    static final Column HOPCOUNT = COLUMNS.integer("hopcount", "Max hops expected");

    static final TableSpec SPEC = TableSpec.of("routes", "The active route table for the host system.", COLUMNS,
            "SELECT destination, netmask, gateway, interface FROM routes WHERE destination = '0.0.0.0'");

    private final Path ipv4Routes;
    private final Path ipv6Routes;

    public RoutesTable(HostPaths host) {
        this.ipv4Routes = host.proc().resolve("net/route");
        this.ipv6Routes = host.proc().resolve("net/ipv6_route");
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return Table.requiresFile("procfs routing table", ipv4Routes);
    }

    @Override
    public void generate(QueryContext ctx, RowSink out) throws IOException {
        List<Route> routes = new ArrayList<>();
        try {
            routes.addAll(ProcNetRoutes.parseIpv4(RawText.decode(Files.readAllBytes(ipv4Routes))));
        } catch (NoSuchFileException e) {
            ctx.note(ipv4Routes + " does not exist");
            return;
        }
        try {
            routes.addAll(ProcNetRoutes.parseIpv6(RawText.decode(Files.readAllBytes(ipv6Routes))));
        } catch (NoSuchFileException ipv6Disabled) {
            // the kernel was built or booted without IPv6: there are no IPv6 routes
        }
        for (Route r : routes) {
            out.add(new Row(SPEC)
                    .set(DESTINATION, r.destination())
                    .set(NETMASK, r.prefixLength())
                    .set(GATEWAY, r.gateway())
                    .set(FLAGS, r.flags())
                    .set(INTERFACE, r.iface())
                    .set(MTU, r.mtu())
                    .set(METRIC, r.metric())
                    .set(TYPE, r.type()));
        }
    }
}
