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

import static org.assertj.core.api.Assertions.assertThat;

class EtcHostsTest {

    @Test
    void parsesAddressesAndNamesWithoutComments() {
        assertThat(EtcHosts.parse(Fixtures.text("hosts"))).containsExactly(
                new EtcHosts.Entry("127.0.0.1", "localhost"),
                new EtcHosts.Entry("127.0.1.1", "vigil.example.org vigil"),
                new EtcHosts.Entry("::1", "localhost ip6-localhost ip6-loopback"),
                new EtcHosts.Entry("ff02::1", "ip6-allnodes"),
                new EtcHosts.Entry("10.0.0.5", null),
                new EtcHosts.Entry("192.0.2.10", "web"));
    }

    @Test
    void crlfAndEmptyText() {
        assertThat(EtcHosts.parse("10.1.1.1 a b\r\n\r\n")).containsExactly(new EtcHosts.Entry("10.1.1.1", "a b"));
        assertThat(EtcHosts.parse("")).isEmpty();
    }

    @Test
    void tableReadsTheHostsEtcHosts(@TempDir Path dir) throws Exception {
        HostPaths host = FakeHost.in(dir).file("/etc/hosts", "203.0.113.7 vigil-test-host alias\n").paths();

        TableScan scan = TableScan.of(new EtcHostsTable(host), List.of());

        assertThat(scan.column(EtcHostsTable.ADDRESS)).containsExactly("203.0.113.7");
        assertThat(scan.column(EtcHostsTable.HOSTNAMES)).containsExactly("vigil-test-host alias");
    }

    @Test
    void withoutEtcHostsTheTableIsUnsupportedAndItsScanNotesTheMissingFile(@TempDir Path dir) throws Exception {
        FakeHost empty = FakeHost.in(dir);
        EtcHostsTable table = new EtcHostsTable(empty.paths());

        assertThat(table.unsupported()).hasValue("no hosts file: " + empty.path("/etc/hosts") + " does not exist");
        TableScan scan = TableScan.of(table, List.of());
        assertThat(scan.rows()).isEmpty();
        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.notes()).containsExactly("etc_hosts: " + empty.path("/etc/hosts") + " does not exist");
    }

    /** The real /etc/hosts against awk's reading of it and the C library's answer for localhost. */
    @Test
    void realFileAgreesWithAwkAndGetent() throws Exception {
        TableScan scan = TableScan.of(new EtcHostsTable(HostPaths.live()), List.of());
        List<String> awk = new ArrayList<>();
        for (String address : HostCommand.run("awk", "$1 !~ /^#/ && NF { print $1 }", "/etc/hosts").split("\n")) {
            if (!address.isBlank()) {
                awk.add(address.strip());
            }
        }
        assertThat(scan.column(EtcHostsTable.ADDRESS)).containsExactlyElementsOf(awk);

        String localhost = HostCommand.run("getent", "hosts", "localhost").strip().split("\\s+")[0];
        assertThat(scan.rows()).anySatisfy(row -> {
            assertThat(row.get(EtcHostsTable.ADDRESS)).isEqualTo(localhost);
            assertThat(((String) row.get(EtcHostsTable.HOSTNAMES)).split(" ")).contains("localhost");
        });
    }
}
