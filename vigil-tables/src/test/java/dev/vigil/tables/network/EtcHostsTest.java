package dev.vigil.tables.network;

import dev.vigil.testkit.TableScan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void tableReadsTheFileItIsGiven(@TempDir Path dir) throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts"), "203.0.113.7 vigil-test-host alias\n");

        TableScan scan = TableScan.of(new EtcHostsTable(hosts), List.of());

        assertThat(scan.column(EtcHostsTable.ADDRESS)).containsExactly("203.0.113.7");
        assertThat(scan.column(EtcHostsTable.HOSTNAMES)).containsExactly("vigil-test-host alias");
        TableScan missing = TableScan.of(new EtcHostsTable(dir.resolve("absent")), List.of());
        assertThat(missing.rows()).isEmpty();
        assertThat(missing.warnings()).containsExactly("etc_hosts: " + dir.resolve("absent")
                + ": no such file or directory");
    }

    /** The real /etc/hosts against awk's reading of it and the C library's answer for localhost. */
    @Test
    void realFileAgreesWithAwkAndGetent() throws Exception {
        TableScan scan = TableScan.of(new EtcHostsTable(), List.of());
        List<String> awk = new ArrayList<>();
        for (String address : HostCommands.run("awk", "$1 !~ /^#/ && NF { print $1 }", "/etc/hosts").split("\n")) {
            if (!address.isBlank()) {
                awk.add(address.strip());
            }
        }
        assertThat(scan.column(EtcHostsTable.ADDRESS)).containsExactlyElementsOf(awk);

        String localhost = HostCommands.run("getent", "hosts", "localhost").strip().split("\\s+")[0];
        assertThat(scan.rows()).anySatisfy(row -> {
            assertThat(row.get(EtcHostsTable.ADDRESS)).isEqualTo(localhost);
            assertThat(((String) row.get(EtcHostsTable.HOSTNAMES)).split(" ")).contains("localhost");
        });
    }
}
