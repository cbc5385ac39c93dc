package dev.vigil.tables.network;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.Columns;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.spi.Row;
import dev.vigil.sql.spi.RowSink;
import dev.vigil.sql.spi.Table;
import dev.vigil.sql.spi.TableSpec;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * osquery's {@code interface_details}: one row per network device, from sysfs (/sys/class/net). last_change stays
 * empty: Linux does not record when a device last changed (osquery shows -1 there). Without sysfs the table is
 * unsupported and has no rows.
 */
public final class InterfaceDetailsTable implements Table {
    private static final Columns COLUMNS = new Columns();
    static final Column INTERFACE = COLUMNS.text("interface", "Interface name");
    static final Column MAC = COLUMNS.text("mac", "MAC of interface (optional)");
    static final Column TYPE = COLUMNS.integer("type", "Interface type (includes virtual)");
    static final Column MTU = COLUMNS.integer("mtu", "Network MTU");
    static final Column METRIC = COLUMNS.integer("metric", "Metric based on the speed of the interface");
    static final Column FLAGS = COLUMNS.integer("flags", "Flags (netdevice) for the device");
    static final Column IPACKETS = COLUMNS.bigint("ipackets", "Input packets");
    static final Column OPACKETS = COLUMNS.bigint("opackets", "Output packets");
    static final Column IBYTES = COLUMNS.bigint("ibytes", "Input bytes");
    static final Column OBYTES = COLUMNS.bigint("obytes", "Output bytes");
    static final Column IERRORS = COLUMNS.bigint("ierrors", "Input errors");
    static final Column OERRORS = COLUMNS.bigint("oerrors", "Output errors");
    static final Column IDROPS = COLUMNS.bigint("idrops", "Input drops");
    static final Column ODROPS = COLUMNS.bigint("odrops", "Output drops");
    static final Column COLLISIONS = COLUMNS.bigint("collisions", "Packet Collisions detected");
    static final Column LAST_CHANGE = COLUMNS.bigint("last_change", "Time of last device modification (optional)");
    static final Column LINK_SPEED = COLUMNS.bigint("link_speed", "Interface speed in Mb/s");
    static final Column PCI_SLOT = COLUMNS.text("pci_slot", "PCI slot number");

    static final TableSpec SPEC = TableSpec.of("interface_details",
            "Detailed information and stats of network interfaces.", COLUMNS,
            "SELECT interface, mac, mtu, ibytes, obytes FROM interface_details");

    /** SIOCGIFMETRIC: "currently not supported; it always returns 0" on Linux (netdevice(7)). */
    private static final long LINUX_METRIC = 0;

    private final Path sysClassNet;

    public InterfaceDetailsTable(HostPaths host) {
        this.sysClassNet = host.sys().resolve("class/net");
    }

    @Override
    public TableSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> unsupported() {
        return SysfsNetDevices.unavailable(sysClassNet);
    }

    @Override
    public void generate(QueryContext ctx, RowSink out) throws IOException {
        List<NetDevice> devices;
        try {
            devices = new SysfsNetDevices(sysClassNet).read();
        } catch (NoSuchFileException e) {
            ctx.note(sysClassNet + " does not exist");
            return;
        }
        for (NetDevice d : devices) {
            NetDevice.Statistics s = d.statistics();
            out.add(new Row(SPEC)
                    .set(INTERFACE, d.name())
                    .set(MAC, d.mac())
                    .set(TYPE, d.type())
                    .set(MTU, d.mtu())
                    .set(METRIC, LINUX_METRIC)
                    .set(FLAGS, d.flags())
                    .set(IPACKETS, s.rxPackets())
                    .set(OPACKETS, s.txPackets())
                    .set(IBYTES, s.rxBytes())
                    .set(OBYTES, s.txBytes())
                    .set(IERRORS, s.rxErrors())
                    .set(OERRORS, s.txErrors())
                    .set(IDROPS, s.rxDropped())
                    .set(ODROPS, s.txDropped())
                    .set(COLLISIONS, s.collisions())
                    .set(LINK_SPEED, d.speed())
                    .set(PCI_SLOT, d.pciSlot()));
        }
    }
}
