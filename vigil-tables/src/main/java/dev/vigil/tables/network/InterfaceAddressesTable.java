package dev.vigil.tables.network;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * osquery's {@code interface_addresses}: one row per IPv4 or IPv6 address of a network interface, read through
 * {@link NetworkInterface} (SIOCGIFCONF and /proc/net/if_inet6 underneath). Ordered by interface index, IPv4
 * before IPv6, as getifaddrs(3) lists them. The addresses are asked of the running kernel, not read from files,
 * so the table is unsupported on a host without sysfs network devices and on one under another root (a disk
 * image, a container's file system), whose addresses the running kernel does not show.
 */
public final class InterfaceAddressesTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column INTERFACE = COLUMNS.text("interface", "Interface name");
    static final Column ADDRESS = COLUMNS.text("address", "Specific address for interface");
    static final Column MASK = COLUMNS.text("mask", "Interface netmask");
    static final Column BROADCAST = COLUMNS.text("broadcast", "Broadcast address for the interface");
    static final Column POINT_TO_POINT = COLUMNS.text("point_to_point", "PtP address for the interface");
    static final Column TYPE = COLUMNS.text("type", "Type of address. One of dhcp, manual, auto, other, unknown");

    static final TableSpec SPEC = TableSpec.of("interface_addresses", "Network interfaces and relevant metadata.",
            COLUMNS, "SELECT interface, address, mask FROM interface_addresses WHERE address NOT LIKE 'fe80%'");

    /**
     * How an address was configured is not known from the kernel's address list; osquery says "unknown" on
     * Linux for every address.
     */
    private static final String UNKNOWN_TYPE = "unknown";

    private final HostPaths host;
    private final Path sysClassNet;

    public InterfaceAddressesTable(HostPaths host) {
        this.host = host;
        this.sysClassNet = host.sys().resolve("class/net");
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        Optional<String> noSysfs = SysfsNetDevices.unavailable(sysClassNet);
        if (noSysfs.isPresent() || host.isLive()) {
            return noSysfs;
        }
        return Optional.of("addresses come from the running kernel, which does not show those of the host under "
                + host.root());
    }

    @Override
    public void generate(QueryContext ctx, RowSink out) throws SocketException {
        Optional<String> unsupported = unsupported();
        if (unsupported.isPresent()) {
            // NetworkInterface would list the running kernel's addresses whatever host this table reads
            ctx.note(unsupported.get());
            return;
        }
        List<NetworkInterface> interfaces = new ArrayList<>(NetworkInterface.networkInterfaces().toList());
        interfaces.sort(Comparator.comparingInt(NetworkInterface::getIndex));
        for (NetworkInterface nif : interfaces) {
            List<InterfaceAddress> addresses = new ArrayList<>(nif.getInterfaceAddresses());
            addresses.sort(Comparator.comparingInt(a -> a.getAddress() instanceof Inet4Address ? 0 : 1));
            for (InterfaceAddress a : addresses) {
                out.add(row(nif, a));
            }
        }
    }

    private static Row row(NetworkInterface nif, InterfaceAddress a) throws SocketException {
        boolean v4 = a.getAddress() instanceof Inet4Address;
        Row row = new Row(SPEC)
                .set(INTERFACE, nif.getName())
                .set(ADDRESS, InetText.format(a.getAddress()))
                .set(MASK, InetText.mask(a.getNetworkPrefixLength(), v4 ? 4 : 16))
                .set(TYPE, UNKNOWN_TYPE);
        if (a.getBroadcast() != null) {
            row.set(BROADCAST, InetText.format(a.getBroadcast()));
        } else if (v4 && nif.isLoopback()) {
            // getifaddrs(3) puts IFA_ADDRESS in ifa_dstaddr; without a configured peer the kernel sets it to the
            // local address, which is always the case on loopback. Other peers are not visible through java.net.
            row.set(POINT_TO_POINT, InetText.format(a.getAddress()));
        }
        return row;
    }
}
