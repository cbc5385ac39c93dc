package dev.vigil.tables.network;

import dev.vigil.sql.spi.HostPaths;
import dev.vigil.testkit.FakeHost;
import dev.vigil.testkit.HostCommand;
import dev.vigil.testkit.TableScan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** interface_addresses on this host against {@code ip -o addr show}. */
class InterfaceAddressesTableTest {
    private static final Pattern IP_ADDR = Pattern.compile(
            "^\\d+: (\\S+)\\s+(inet6?) ([^/\\s]+)/(\\d+)(?: brd (\\S+))?(?:.* scope (\\S+))?");

    @Test
    void loopbackHasItsIpv4Address() throws Exception {
        TableScan scan = TableScan.of(new InterfaceAddressesTable(HostPaths.live()), List.of());

        assertThat(scan.rows()).anySatisfy(row -> {
            assertThat(row.get(InterfaceAddressesTable.INTERFACE)).isEqualTo("lo");
            assertThat(row.get(InterfaceAddressesTable.ADDRESS)).isEqualTo("127.0.0.1");
            assertThat(row.get(InterfaceAddressesTable.MASK)).isEqualTo("255.0.0.0");
            assertThat(row.get(InterfaceAddressesTable.BROADCAST)).isNull();
            assertThat(row.get(InterfaceAddressesTable.POINT_TO_POINT)).isEqualTo("127.0.0.1");
            assertThat(row.get(InterfaceAddressesTable.TYPE)).isEqualTo("unknown");
        });
    }

    @Test
    void everyAddressOfIpAddrIsARow() throws Exception {
        TableScan scan = TableScan.of(new InterfaceAddressesTable(HostPaths.live()), List.of());
        int checked = 0;
        for (String line : HostCommand.run("ip", "-o", "addr", "show").split("\n")) {
            Matcher m = IP_ADDR.matcher(line);
            if (!m.find()) {
                continue;
            }
            String iface = m.group(1);
            boolean v6 = m.group(2).equals("inet6");
            int prefix = Integer.parseInt(m.group(4));
            String address = v6 && "link".equals(m.group(6)) ? m.group(3) + "%" + iface : m.group(3);
            String mask = v6 ? ipv6Mask(prefix) : ipv4Mask(prefix);
            assertThat(scan.rows()).as(line).anySatisfy(row -> {
                assertThat(row.get(InterfaceAddressesTable.INTERFACE)).isEqualTo(iface);
                assertThat(row.get(InterfaceAddressesTable.ADDRESS)).isEqualTo(address);
                assertThat(row.get(InterfaceAddressesTable.MASK)).isEqualTo(mask);
                if (m.group(5) != null) {
                    assertThat(row.get(InterfaceAddressesTable.BROADCAST)).isEqualTo(m.group(5));
                }
            });
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void aHostUnderAnotherRootIsUnsupported(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.in(dir).copy("/sys/class/net", Fixtures.path("sys-class-net"));
        InterfaceAddressesTable table = new InterfaceAddressesTable(host.paths());

        assertThat(table.unsupported()).hasValueSatisfying(reason -> assertThat(reason).contains(dir.toString()));
        assertThat(TableScan.of(table, List.of()).rows()).as("not this host's addresses").isEmpty();
        FakeHost empty = FakeHost.in(dir.resolve("empty"));
        assertThat(new InterfaceAddressesTable(empty.paths()).unsupported()).hasValue(
                "no sysfs network devices: " + empty.path("/sys/class/net") + " does not exist");
    }

    private static String ipv4Mask(int prefix) {
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return (mask >> 24) + "." + (mask >> 16 & 0xff) + "." + (mask >> 8 & 0xff) + "." + (mask & 0xff);
    }

    /** Only the masks found on ordinary hosts; extend when a host shows another. */
    private static String ipv6Mask(int prefix) {
        return switch (prefix) {
            case 128 -> "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
            case 64 -> "ffff:ffff:ffff:ffff::";
            case 48 -> "ffff:ffff:ffff::";
            case 56 -> "ffff:ffff:ffff:ff00::";
            default -> throw new AssertionError("no expected mask written for /" + prefix);
        };
    }
}
