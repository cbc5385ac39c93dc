package dev.vigil.tables.network;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.testkit.FakeHost;
import dev.vigil.testkit.HostCommand;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The routes table on this host against iproute2's view of the same kernel tables. */
class RoutesTableTest {

    /** A route as {@code ip route show} prints it: {@code [type] dst [via gw] [dev if] ... [metric n] ...}. */
    record IpRoute(String type, String dst, String via, String dev, long metric) {
        private static final Set<String> TYPES = Set.of("unicast", "local", "broadcast", "multicast", "anycast",
                "unreachable", "blackhole", "prohibit", "throw", "nat");

        static List<IpRoute> parse(String output) {
            List<IpRoute> routes = new ArrayList<>();
            for (String line : output.split("\n")) {
                String[] t = line.trim().split("\\s+");
                if (t[0].isEmpty()) {
                    continue;
                }
                int i = 0;
                String type = TYPES.contains(t[0]) ? t[i++] : "unicast";
                String dst = t[i++];
                String via = null;
                String dev = null;
                long metric = 0;
                for (; i + 1 < t.length; i++) {
                    switch (t[i]) {
                        case "via" -> via = t[++i];
                        case "dev" -> dev = t[++i];
                        case "metric" -> metric = Long.parseLong(t[++i]);
                        default -> { }
                    }
                }
                routes.add(new IpRoute(type, dst, via, dev, metric));
            }
            return routes;
        }
    }

    @Test
    void mainTableRoutesMatchIpRoute() throws Exception {
        TableScan scan = TableScan.of(new RoutesTable(HostPaths.live()), List.of());
        for (String family : List.of("-4", "-6")) {
            List<IpRoute> ipRoutes = IpRoute.parse(HostCommand.run("ip", family, "route", "show"));
            assertThat(ipRoutes).as("ip %s route lists routes", family).isNotEmpty();
            for (IpRoute r : ipRoutes) {
                if (!r.type().equals("unicast")) {
                    continue;
                }
                boolean v4 = family.equals("-4");
                String destination = r.dst().equals("default") ? (v4 ? "0.0.0.0" : "::") : r.dst().split("/")[0];
                long prefix = r.dst().equals("default") ? 0
                        : r.dst().contains("/") ? Long.parseLong(r.dst().split("/")[1]) : (v4 ? 32 : 128);
                assertThat(scan.rows()).as("%s from ip %s route", r, family).anySatisfy(row -> {
                    assertThat(row.get(RoutesTable.DESTINATION)).isEqualTo(destination);
                    assertThat(row.get(RoutesTable.NETMASK)).isEqualTo(prefix);
                    assertThat(row.get(RoutesTable.GATEWAY)).isEqualTo(r.via());
                    assertThat(row.get(RoutesTable.INTERFACE)).isEqualTo(r.dev());
                    assertThat(row.get(RoutesTable.METRIC)).isEqualTo(r.metric());
                    assertThat(row.get(RoutesTable.TYPE)).isEqualTo("gateway");
                });
            }
        }
    }

    @Test
    void ipv6LocalRoutesAreTypedLocal() throws Exception {
        TableScan scan = TableScan.of(new RoutesTable(HostPaths.live()), List.of());
        List<IpRoute> local = IpRoute.parse(HostCommand.run("ip", "-6", "route", "show", "table", "local"));
        assertThat(local).as("ip -6 route show table local").isNotEmpty();
        for (IpRoute r : local) {
            if (r.type().equals("local")) {
                assertThat(scan.rows()).as("%s", r).anySatisfy(row -> {
                    assertThat(row.get(RoutesTable.DESTINATION)).isEqualTo(r.dst());
                    assertThat(row.get(RoutesTable.TYPE)).isEqualTo("local");
                    assertThat(row.get(RoutesTable.INTERFACE)).isEqualTo(r.dev());
                });
            }
        }
    }

    @Test
    void readsBothListingsOfProcNet(@TempDir Path dir) throws Exception {
        HostPaths host = FakeHost.in(dir).copy("/proc/net", Fixtures.path("proc-net")).paths();
        TableScan scan = TableScan.of(new RoutesTable(host), List.of());

        assertThat(scan.rows()).hasSize(12);
        assertThat(scan.column(RoutesTable.SOURCE)).containsOnlyNulls();
        assertThat(scan.column(RoutesTable.HOPCOUNT)).containsOnlyNulls();
    }

    @Test
    void withoutProcNetRouteTheTableIsUnsupportedAndHasNoRows(@TempDir Path dir) throws Exception {
        FakeHost empty = FakeHost.in(dir);
        RoutesTable table = new RoutesTable(empty.paths());

        assertThat(table.unsupported()).hasValue(
                "no procfs routing table: " + empty.path("/proc/net/route") + " does not exist");
        TableScan scan = TableScan.of(table, List.of());
        assertThat(scan.rows()).isEmpty();
        assertThat(scan.warnings()).isEmpty();
    }
}
