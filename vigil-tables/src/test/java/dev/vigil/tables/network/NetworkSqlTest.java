package dev.vigil.tables.network;

import dev.vigil.sql.Engine;
import dev.vigil.sql.Session;
import dev.vigil.sql.SqlException;
import dev.vigil.testkit.HostCommand;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The network tables through the SQL engine. */
class NetworkSqlTest {
    /** osquery 5's schemas (osquery-linux-tables.json): name, type and flags of each column, in order. */
    private static final Map<String, List<String>> OSQUERY_SCHEMAS = Map.of(
            "dns_resolvers", List.of("id integer", "type text", "address text", "netmask text", "options bigint",
                    "pid_with_namespace integer hidden"),
            "etc_hosts", List.of("address text", "hostnames text", "pid_with_namespace integer hidden"),
            "interface_addresses", List.of("interface text", "address text", "mask text", "broadcast text",
                    "point_to_point text", "type text"),
            "interface_details", List.of("interface text", "mac text", "type integer", "mtu integer",
                    "metric integer", "flags integer", "ipackets bigint", "opackets bigint", "ibytes bigint",
                    "obytes bigint", "ierrors bigint", "oerrors bigint", "idrops bigint", "odrops bigint",
                    "collisions bigint", "last_change bigint", "link_speed bigint", "pci_slot text"),
            "routes", List.of("destination text", "netmask integer", "gateway text", "source text", "flags integer",
                    "interface text", "mtu integer", "metric integer", "type text", "hopcount integer"));

    private static Engine engine;
    private static Session session;

    @BeforeAll
    static void open() throws SqlException {
        engine = Engine.withServiceLoader();
        session = engine.openSession();
    }

    @AfterAll
    static void close() {
        session.close();
        engine.close();
    }

    @Test
    void schemasAreOsquerys() throws SqlException {
        for (Map.Entry<String, List<String>> table : OSQUERY_SCHEMAS.entrySet()) {
            List<String> columns = new ArrayList<>();
            for (List<Object> c : session.query("SELECT name, type, required, indexed, hidden FROM vigil_columns"
                    + " WHERE table_name = '" + table.getKey() + "' ORDER BY position").rows()) {
                columns.add(c.get(0) + " " + c.get(1) + (c.get(2).equals(1L) ? " required" : "")
                        + (c.get(3).equals(1L) ? " index" : "") + (c.get(4).equals(1L) ? " hidden" : ""));
            }
            assertThat(columns).as(table.getKey()).isEqualTo(table.getValue());
        }
    }

    @Test
    void loopbackThroughSql() throws SqlException {
        assertThat(session.query("SELECT mask, point_to_point FROM interface_addresses"
                + " WHERE interface = 'lo' AND address = '127.0.0.1'").rows())
                .containsExactly(List.of("255.0.0.0", "127.0.0.1"));
        assertThat(session.query("SELECT d.mtu > 0, a.address FROM interface_details d"
                + " JOIN interface_addresses a USING (interface) WHERE d.interface = 'lo' AND a.address = '::1'")
                .rows()).containsExactly(List.of(1L, "::1"));
    }

    @Test
    void defaultRouteAndResolversThroughSql() throws Exception {
        long ipDefaults = HostCommand.run("ip", "-4", "route", "show", "default").lines()
                .filter(l -> !l.isBlank()).count();
        assertThat(session.query("SELECT count(*) FROM routes WHERE destination = '0.0.0.0' AND netmask = 0")
                .rows()).containsExactly(List.of(ipDefaults));
        assertThat(session.query("SELECT DISTINCT options & 1 FROM dns_resolvers").rows())
                .containsExactly(List.of(1L));
        assertThat(session.query("SELECT count(*) > 0 FROM etc_hosts WHERE hostnames LIKE '%localhost%'").rows())
                .containsExactly(List.of(1L));
    }
}
