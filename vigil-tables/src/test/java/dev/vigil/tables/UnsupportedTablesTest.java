package dev.vigil.tables;

import dev.vigil.sql.Engine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableProvider;
import dev.vigil.testkit.FakeHost;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every provided table over an empty host, one with no /proc, /sys, /etc or /var: those that depend on a source
 * the host lacks say so, naming it, and give no rows, through the engine and from their own generators.
 */
class UnsupportedTablesTest {

    /** Each table that depends on a source of the host, and the host path of that source. */
    private static final Map<String, String> SOURCES = Map.ofEntries(
            entry("deb_packages", "/var/lib/dpkg/status"),
            entry("logged_in_users", "/run/utmp"),
            entry("kernel_modules", "/proc/modules"),
            entry("interface_details", "/sys/class/net"),
            entry("interface_addresses", "/sys/class/net"),
            entry("routes", "/proc/net/route"),
            entry("etc_hosts", "/etc/hosts"),
            entry("dns_resolvers", "/etc/resolv.conf"),
            entry("uptime", "/proc/uptime"),
            entry("mounts", "/proc/mounts"),
            entry("processes", "/proc"),
            entry("process_open_files", "/proc"),
            entry("process_memory_map", "/proc"),
            entry("process_envs", "/proc"),
            entry("process_open_sockets", "/proc"),
            entry("listening_ports", "/proc"));

    @TempDir
    Path dir;
    private FakeHost empty;
    private HostPaths host;

    @BeforeEach
    void emptyHost() {
        empty = FakeHost.in(dir);
        host = empty.paths();
    }

    @Test
    void tablesWithoutTheirSourceNameTheMissingFile() {
        Map<String, String> reasons = new TreeMap<>();
        for (Table table : TableProvider.loadAll(host)) {
            table.unsupported().ifPresent(reason -> reasons.put(table.spec().name(), reason));
        }

        assertThat(reasons).containsOnlyKeys(SOURCES.keySet());
        SOURCES.forEach((table, source) -> assertThat(reasons.get(table)).as(table)
                .endsWith(empty.path(source) + " does not exist"));
    }

    @Test
    void unsupportedTablesGiveNoRowsThroughTheEngineAndSayWhyInANote() throws Exception {
        try (Engine engine = Engine.builder().addProvidedTables(host).build(); Session session = engine.openSession()) {
            for (String table : SOURCES.keySet()) {
                QueryResult result = session.query("SELECT * FROM " + table);

                assertThat(result.rows()).as(table).isEmpty();
                assertThat(result.warnings()).as(table).isEmpty();
                String source = empty.path(SOURCES.get(table)).toString();
                assertThat(result.notes()).as(table).anySatisfy(note -> assertThat(note)
                        .startsWith(table + ": unsupported on this host: ").contains(source));
            }
        }
    }

    @Test
    void generatorsOfUnsupportedTablesReturnNoRowsThemselves() throws Exception {
        for (Table table : TableProvider.loadAll(host)) {
            if (SOURCES.containsKey(table.spec().name())) {
                TableScan scan = TableScan.of(table, List.of());

                assertThat(scan.rows()).as(table.spec().name()).isEmpty();
                assertThat(scan.warnings()).as(table.spec().name()).isEmpty();
            }
        }
    }
}
