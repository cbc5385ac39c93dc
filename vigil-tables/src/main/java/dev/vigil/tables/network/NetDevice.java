package dev.vigil.tables.network;

/**
 * One network device as /sys/class/net/&lt;name&gt;/ describes it (kernel Documentation/ABI/testing/sysfs-class-net,
 * sysfs-class-net-statistics). Values the kernel refused to give (EINVAL for the speed or carrier of a device that
 * is down) are null.
 *
 * @param mac       {@code address}: the hardware address as the kernel writes it, null when the device has none
 * @param type      {@code type}: the ARPHRD_* hardware type (if_arp.h), 1 for Ethernet, 772 for loopback
 * @param flags     the interface flags as SIOCGIFFLAGS and getifaddrs(3) give them: {@code flags} plus the
 *                  RUNNING, LOWER_UP and DORMANT bits the kernel derives from the link state (dev_get_flags)
 * @param speed     {@code speed} in Mb/s; null when unknown (-1) or not applicable
 * @param pciSlot   the PCI address of the device's nearest PCI ancestor, such as {@code 0000:00:03.0}
 * @param ifindex   {@code ifindex}, for ordering
 */
public record NetDevice(String name, int ifindex, String mac, Long type, Long mtu, Long flags, Statistics statistics,
                        Long speed, String pciSlot) {

    /** The counters of {@code statistics/}, each null if its file could not be read. */
    public record Statistics(Long rxPackets, Long txPackets, Long rxBytes, Long txBytes, Long rxErrors,
                             Long txErrors, Long rxDropped, Long txDropped, Long collisions) {
    }
}
