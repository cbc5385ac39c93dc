package dev.vigil.tables.network;

import dev.vigil.sql.text.RawText;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the network devices under a sysfs {@code class/net} directory (normally /sys/class/net; tests pass a
 * fixture tree). Devices that vanish while being read are skipped. Stateless and thread-safe.
 */
public final class SysfsNetDevices {

    // include/uapi/linux/if.h
    static final long IFF_UP = 0x1;
    static final long IFF_RUNNING = 0x40;
    static final long IFF_LOWER_UP = 0x10000;
    static final long IFF_DORMANT = 0x20000;

    /** A PCI device name: domain:bus:device.function (Documentation/PCI/sysfs-pci.rst). */
    private static final Pattern PCI_ADDRESS = Pattern.compile("[0-9a-f]{4,}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");

    private final Path root;

    public SysfsNetDevices(Path root) {
        this.root = root;
    }

    /** Why the devices under {@code root} cannot be listed (no sysfs mounted there), or empty. */
    public static Optional<String> unavailable(Path root) {
        return Files.isDirectory(root) ? Optional.empty()
                : Optional.of("no sysfs network devices: " + root + " does not exist");
    }

    /** Every device, ordered by interface index; throws NoSuchFileException if the root does not exist. */
    public List<NetDevice> read() throws IOException {
        List<NetDevice> devices = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path dir : entries) {
                NetDevice device = read(dir);
                if (device != null) {
                    devices.add(device);
                }
            }
        }
        devices.sort(Comparator.comparingInt(NetDevice::ifindex).thenComparing(NetDevice::name));
        return devices;
    }

    /** One device; null if it vanished (its ifindex is gone). */
    NetDevice read(Path dir) {
        Long ifindex = number(dir.resolve("ifindex"));
        if (ifindex == null) {
            return null;
        }
        String mac = text(dir.resolve("address"));
        Long speed = number(dir.resolve("speed"));
        return new NetDevice(dir.getFileName().toString(), ifindex.intValue(),
                mac == null || mac.isEmpty() ? null : mac,
                number(dir.resolve("type")), number(dir.resolve("mtu")), flags(dir), statistics(dir.resolve("statistics")),
                speed == null || speed < 0 ? null : speed, pciSlot(dir.resolve("device")));
    }

    /**
     * dev_get_flags (net/core/dev.c): the administrative flags of {@code flags}, with RUNNING, LOWER_UP and
     * DORMANT recomputed from the link state when the device is up: RUNNING if {@code operstate} is "up" or
     * "unknown" (netif_oper_up), LOWER_UP if {@code carrier} is 1, DORMANT if {@code dormant} is 1.
     */
    static Long flags(Path dir) {
        String hex = text(dir.resolve("flags"));
        if (hex == null || !hex.startsWith("0x")) {
            return null;
        }
        long flags;
        try {
            flags = Long.parseLong(hex.substring(2), 16);
        } catch (NumberFormatException e) {
            return null;
        }
        flags &= ~(IFF_RUNNING | IFF_LOWER_UP | IFF_DORMANT);
        if ((flags & IFF_UP) != 0) {
            String operstate = text(dir.resolve("operstate"));
            if ("up".equals(operstate) || "unknown".equals(operstate)) {
                flags |= IFF_RUNNING;
            }
            if (Long.valueOf(1).equals(number(dir.resolve("carrier")))) {
                flags |= IFF_LOWER_UP;
            }
            if (Long.valueOf(1).equals(number(dir.resolve("dormant")))) {
                flags |= IFF_DORMANT;
            }
        }
        return flags;
    }

    private static NetDevice.Statistics statistics(Path dir) {
        return new NetDevice.Statistics(number(dir.resolve("rx_packets")), number(dir.resolve("tx_packets")),
                number(dir.resolve("rx_bytes")), number(dir.resolve("tx_bytes")), number(dir.resolve("rx_errors")),
                number(dir.resolve("tx_errors")), number(dir.resolve("rx_dropped")),
                number(dir.resolve("tx_dropped")), number(dir.resolve("collisions")));
    }

    /** The PCI slot of a device link such as {@code ../../../0000:00:03.0/virtio2}; null for virtual devices. */
    private static String pciSlot(Path deviceLink) {
        try {
            return pciSlotOf(deviceLink.toRealPath().toString());
        } catch (IOException e) {
            return null;
        }
    }

    /** The last PCI address among the components of a sysfs device path, or null if there is none. */
    static String pciSlotOf(String devicePath) {
        String slot = null;
        for (String component : devicePath.split("/")) {
            Matcher m = PCI_ADDRESS.matcher(component);
            if (m.matches()) {
                slot = component;
            }
        }
        return slot;
    }

    private static String text(Path file) {
        try {
            return RawText.decode(Files.readAllBytes(file)).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** A decimal number from a sysfs attribute; null if unreadable (EINVAL when not applicable) or not a number. */
    private static Long number(Path file) {
        String text = text(file);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                return Long.parseUnsignedLong(text);
            } catch (NumberFormatException notUnsigned) {
                return null;
            }
        }
    }
}
