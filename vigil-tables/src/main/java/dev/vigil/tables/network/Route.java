package dev.vigil.tables.network;

/**
 * One kernel route as /proc/net/route or /proc/net/ipv6_route lists it, in the terms of osquery's routes table.
 *
 * @param destination the destination network's address text ({@code 0.0.0.0} or {@code ::} for a default route)
 * @param prefixLength the destination's prefix length (osquery's netmask column)
 * @param gateway   the next hop's address text; null for a directly connected route
 * @param flags     the RTF_* flags of the listing (include/uapi/linux/route.h, ipv6_route.h)
 * @param iface     the output device; null when the kernel lists none ({@code *})
 * @param mtu       the route's MTU metric (0 when none is set); null when the listing does not say (IPv6)
 * @param metric    the route's priority; lowest is preferred
 * @param type      osquery's route type: {@code gateway} (unicast), {@code local}, {@code anycast} or {@code other}
 */
public record Route(String destination, int prefixLength, String gateway, long flags, String iface, Long mtu,
                    long metric, String type) {
}
