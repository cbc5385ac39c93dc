package dev.vigil.tables;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableProvider;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The providers of META-INF/services register every table of this module, once. */
class TableProvidersTest {

    /** The tables this module registered one per line in the services file before the providers replaced it. */
    private static final List<String> REGISTERED_BEFORE = List.of("vigil_info", "file", "hash",
            "interface_addresses", "interface_details", "routes", "etc_hosts", "dns_resolvers", "processes",
            "process_open_files", "process_memory_map", "process_envs", "process_open_sockets", "listening_ports",
            "users", "groups", "user_groups", "logged_in_users", "kernel_info", "kernel_modules", "os_version",
            "system_info", "uptime", "mounts", "time", "deb_packages");

    @Test
    void providersRegisterExactlyTheTablesRegisteredBefore() {
        List<String> names = TableProvider.loadAll(HostPaths.live()).stream().map(t -> t.spec().name()).toList();

        assertThat(names).hasSize(26).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(REGISTERED_BEFORE);
    }

    @Test
    void eachLoadBuildsNewTablesForTheHostGiven() {
        List<Table> first = TableProvider.loadAll(HostPaths.live());
        List<Table> second = TableProvider.loadAll(HostPaths.live());

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as(first.get(i).spec().name()).isNotSameAs(first.get(i));
        }
    }
}
