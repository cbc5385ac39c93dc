package dev.vigil.tables.network;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.testkit.FakeHost;
import dev.vigil.testkit.HostCommand;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DnsResolversTableTest {

    @Test
    void fixtureRowsAreNumberedPerType(@TempDir Path dir) throws Exception {
        HostPaths host = FakeHost.in(dir).copy("/etc/resolv.conf", Fixtures.path("resolv.conf"))
                .file("/proc/sys/kernel/hostname", "vigil\n").paths();

        TableScan scan = TableScan.of(new DnsResolversTable(host), List.of());

        assertThat(scan.rows()).extracting(r -> r.get(DnsResolversTable.TYPE) + "/" + r.get(DnsResolversTable.ID)
                + "/" + r.get(DnsResolversTable.ADDRESS) + "/" + r.get(DnsResolversTable.NETMASK)).containsExactly(
                "nameserver/0/192.0.2.53/32", "nameserver/1/2001:db8::53/128", "nameserver/2/fe80::1/128",
                "sortlist/0/130.155.160.0/20", "sortlist/1/130.155.0.0/16", "sortlist/2/10.1.2.3/24",
                "search/0/corp.example/null", "search/1/lab.example/null");
        assertThat(scan.column(DnsResolversTable.OPTIONS)).containsOnly(0x45042c1L);
    }

    @Test
    void withoutResolvConfTheTableIsUnsupportedAndHasNoRows(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.in(dir).file("/proc/sys/kernel/hostname", "vigil.example\n");
        DnsResolversTable table = new DnsResolversTable(host.paths());

        assertThat(table.unsupported()).hasValue(
                "no resolver configuration: " + host.path("/etc/resolv.conf") + " does not exist");
        TableScan scan = TableScan.of(table, List.of());
        assertThat(scan.rows()).isEmpty();
        assertThat(scan.warnings()).isEmpty();
    }

    /**
     * The real /etc/resolv.conf against glibc itself: res_init(3) run through python's ctypes fills {@code _res}
     * (struct __res_state, resolv/bits/types/res_state.h: retrans, retry, options at offset 8, nscount at 16,
     * nsaddr_list at 20), whose options and IPv4 name servers the table must show.
     */
    @Test
    void realConfigurationAgreesWithGlibc() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 runs res_init(3)");
        Assumptions.assumeTrue(Files.exists(Path.of("/etc/resolv.conf")), "no resolv.conf: the table is unsupported");
        String script = """
                import ctypes, socket, struct
                libc = ctypes.CDLL("libc.so.6")
                libc.__res_state.restype = ctypes.c_void_p
                assert libc.__res_init() == 0
                state = ctypes.string_at(libc.__res_state(), 80)
                print(struct.unpack_from("=Q", state, 8)[0])
                for i in range(struct.unpack_from("=i", state, 16)[0]):
                    if struct.unpack_from("=H", state, 20 + 16 * i)[0] == socket.AF_INET:
                        print(socket.inet_ntoa(state[24 + 16 * i:28 + 16 * i]))
                """;
        String[] glibc = HostCommand.run("/usr/bin/python3", "-c", script).strip().split("\n");

        TableScan scan = TableScan.of(new DnsResolversTable(HostPaths.live()), List.of());

        assertThat(scan.column(DnsResolversTable.OPTIONS)).isNotEmpty().containsOnly(Long.parseLong(glibc[0]));
        List<Object> nameservers = new ArrayList<>();
        for (Row row : scan.rows()) {
            if ("nameserver".equals(row.get(DnsResolversTable.TYPE))) {
                nameservers.add(row.get(DnsResolversTable.ADDRESS));
            }
        }
        for (int i = 1; i < glibc.length; i++) {
            assertThat(nameservers).contains(glibc[i]);
        }
    }
}
