package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system, users and packages tables carry osquery's names, so their columns must be osquery's: names, types
 * and order, and the hidden flag (copied from /work/shared/osquery-linux-tables.json, osquery 5.x on Linux).
 */
class OsquerySchemaTest {
    private static final Map<String, String> OSQUERY = Map.ofEntries(
            Map.entry("deb_packages", "name text, version text, source text, size bigint, arch text, revision text, status text, maintainer text, section text, priority text, admindir text, pid_with_namespace integer hidden, mount_namespace_id text hidden"),
            Map.entry("groups", "gid bigint, gid_signed bigint, groupname text, pid_with_namespace integer hidden"),
            Map.entry("kernel_info", "version text, arguments text, path text, device text"),
            Map.entry("kernel_modules", "name text, size bigint, used_by text, status text, address text"),
            Map.entry("logged_in_users", "type text, user text, tty text, host text, time bigint, pid integer"),
            Map.entry("mounts", "device text, device_alias text, path text, type text, blocks_size bigint, blocks bigint, blocks_free bigint, blocks_available bigint, inodes bigint, inodes_free bigint, flags text"),
            Map.entry("os_version", "name text, version text, major integer, minor integer, patch integer, build text, platform text, platform_like text, codename text, arch text, pid_with_namespace integer hidden, mount_namespace_id text hidden"),
            Map.entry("system_info", "hostname text, uuid text, cpu_type text, cpu_subtype text, cpu_brand text, cpu_physical_cores integer, cpu_logical_cores integer, cpu_sockets integer, cpu_microcode text, physical_memory bigint, hardware_vendor text, hardware_model text, hardware_version text, hardware_serial text, board_vendor text, board_model text, board_version text, board_serial text, computer_name text, local_hostname text"),
            Map.entry("time", "weekday text, year integer, month integer, day integer, hour integer, minutes integer, seconds integer, timezone text, local_timezone text, unix_time integer, timestamp text, datetime text, iso_8601 text"),
            Map.entry("uptime", "days integer, hours integer, minutes integer, seconds integer, total_seconds bigint"),
            Map.entry("user_groups", "uid bigint, gid bigint"),
            Map.entry("users", "uid bigint, gid bigint, uid_signed bigint, gid_signed bigint, username text, description text, directory text, shell text, uuid text, pid_with_namespace integer hidden, include_remote integer hidden"));

    @Test
    void registeredTablesHaveOsquerysColumns() {
        Map<String, TableSpec> registered = new HashMap<>();
        for (Table table : ServiceLoader.load(Table.class)) {
            registered.put(table.spec().name(), table.spec());
        }
        assertThat(registered).containsKeys(OSQUERY.keySet().toArray(String[]::new));
        for (Map.Entry<String, String> expected : OSQUERY.entrySet()) {
            TableSpec spec = registered.get(expected.getKey());
            String actual = spec.columns().stream().map(OsquerySchemaTest::describe).collect(Collectors.joining(", "));
            assertThat(actual).as(expected.getKey()).isEqualTo(expected.getValue());
            assertThat(spec.examples()).as(expected.getKey() + " examples").isNotEmpty();
            assertThat(spec.columns()).allSatisfy(c -> assertThat(c.description()).isNotBlank());
        }
    }

    private static String describe(Column column) {
        return column.name() + " " + column.type().osqueryName() + (column.has(Column.Flag.HIDDEN) ? " hidden" : "");
    }
}
