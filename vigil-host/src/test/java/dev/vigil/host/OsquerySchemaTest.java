package dev.vigil.host;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;
import dev.vigil.testkit.OsquerySchema;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table this host serves under an osquery name has osquery's schema, as osquery-linux-tables.json (the one
 * source of truth, osquery 5.x on Linux) gives it: the same columns in the same order with the same types, the same
 * required columns, and events where osquery has events. Published query packs depend on it.
 */
class OsquerySchemaTest {

    @Test
    void tablesWithOsqueryNamesHaveOsquerysSchema() {
        OsquerySchema osquery = OsquerySchema.load();
        List<String> problems = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        try (HostEngine host = HostEngine.idle(HostPaths.live())) {
            for (Table table : host.engine().tables().values()) {
                TableSpec spec = table.spec();
                osquery.table(spec.name()).ifPresent(expected -> {
                    checked.add(spec.name());
                    List<String> ours = spec.columns().stream().map(c -> c.name() + ":" + c.type().osqueryName()).toList();
                    List<String> theirs = expected.columns().stream().map(c -> c.name() + ":" + c.type()).toList();
                    if (!ours.equals(theirs)) {
                        problems.add(spec.name() + " columns\n  vigil:   " + ours + "\n  osquery: " + theirs);
                    }
                    List<String> required = spec.requiredColumns().stream().map(Column::name).toList();
                    if (!required.equals(expected.required())) {
                        problems.add(spec.name() + " required columns: vigil " + required + ", osquery " + expected.required());
                    }
                    if (spec.evented() != expected.evented()) {
                        problems.add(spec.name() + " evented: vigil " + spec.evented() + ", osquery " + expected.evented());
                    }
                });
            }
        }
        assertThat(problems).as("tables that differ from osquery's schema").isEmpty();
        // the check must have had something to compare: every osquery-named table Vigil has today
        assertThat(checked).containsAll(List.of("processes", "process_events", "socket_events", "file", "hash", "users", "groups", "deb_packages", "listening_ports", "mounts",
                "os_version", "system_info", "uptime", "time", "kernel_info", "kernel_modules", "routes", "etc_hosts",
                "dns_resolvers", "interface_addresses", "interface_details", "logged_in_users", "user_groups",
                "process_open_files", "process_open_sockets", "process_memory_map", "process_envs"));
    }

    @Test
    void everyTableIsDocumented() {
        try (HostEngine host = HostEngine.idle(HostPaths.live())) {
            for (Table table : host.engine().tables().values()) {
                TableSpec spec = table.spec();
                assertThat(spec.examples()).as(spec.name() + " examples").isNotEmpty();
                assertThat(spec.description()).as(spec.name()).isNotBlank();
                assertThat(spec.columns()).as(spec.name()).allSatisfy(c -> assertThat(c.description()).isNotBlank());
            }
        }
    }
}
