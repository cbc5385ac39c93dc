package dev.vigil.tables.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Parses the kernel's route listings. Stateless.
 *
 * <p>/proc/net/route (net/ipv4/fib_trie.c, fib_route_seq_show) lists the IPv4 main table, one route a line after
 * a header: {@code Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT}; addresses and masks
 * are 8 hex digits of the 32-bit value in host byte order, flags are hex, the rest decimal.
 *
 * <p>/proc/net/ipv6_route (net/ipv6/route.c, ipv6_route_native_seq_show) lists every IPv6 table, no header:
 * {@code dest dest_plen src src_plen next_hop metric refcnt use flags device}, addresses as 32 hex digits in
 * network order, the rest hex.
 */
public final class ProcNetRoutes {
    // include/uapi/linux/route.h and ipv6_route.h
    static final long RTF_GATEWAY = 0x0002;
    static final long RTF_REJECT = 0x0200;
    static final long RTF_ANYCAST = 0x00100000;
    static final long RTF_LOCAL = 0x80000000L;

    private ProcNetRoutes() {
    }

    /** The routes of a /proc/net/route text; malformed lines are skipped. */
    public static List<Route> parseIpv4(String text) {
        List<Route> routes = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 11) {
                continue;
            }
            try {
                long flags = Long.parseLong(f[3], 16);
                byte[] mask = ipv4(f[7]);
                byte[] gateway = ipv4(f[2]);
                routes.add(new Route(InetText.format(ipv4(f[1])), Math.max(InetText.prefixLength(mask), 0),
                        isZero(gateway) ? null : InetText.format(gateway), flags, f[0].equals("*") ? null : f[0],
                        Long.parseLong(f[8]), Long.parseLong(f[6]), (flags & RTF_REJECT) != 0 ? "other" : "gateway"));
            } catch (IllegalArgumentException e) {
                // a line this parser does not understand; skip it rather than fail the table
            }
        }
        return routes;
    }

    /**
     * The routes of a /proc/net/ipv6_route text, without the kernel's catch-all unreachable entry (the
     * fib6_null_entry, listed on lo with metric 0xffffffff), which rtnetlink dumps and {@code ip -6 route} omit.
     */
    public static List<Route> parseIpv6(String text) {
        List<Route> routes = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            try {
                byte[] destination = HexFormat.of().parseHex(f[0]);
                int prefix = Integer.parseInt(f[1], 16);
                byte[] nextHop = HexFormat.of().parseHex(f[4]);
                long metric = Long.parseLong(f[5], 16);
                long flags = Long.parseLong(f[8], 16);
                String device = f[9];
                if (prefix == 0 && isZero(destination) && (flags & RTF_REJECT) != 0 && metric == 0xffffffffL
                        && device.equals("lo")) {
                    continue;
                }
                routes.add(new Route(InetText.format(destination), prefix,
                        isZero(nextHop) ? null : InetText.format(nextHop), flags, device, null, metric,
                        ipv6Type(destination, prefix, flags)));
            } catch (IllegalArgumentException e) {
                // a line this parser does not understand; skip it rather than fail the table
            }
        }
        return routes;
    }

    /**
     * osquery's names for rtnetlink route types: RTN_UNICAST is "gateway", RTN_LOCAL "local", RTN_ANYCAST
     * "anycast", anything else (unreachable, prohibit, multicast ...) "other". The IPv6 listing has no type, so it
     * is read from the flags and, for multicast, from the ff00::/8 destination.
     */
    static String ipv6Type(byte[] destination, int prefix, long flags) {
        if ((flags & RTF_LOCAL) != 0) {
            return "local";
        }
        if ((flags & RTF_ANYCAST) != 0) {
            return "anycast";
        }
        if ((flags & RTF_REJECT) != 0 || (prefix >= 8 && (destination[0] & 0xff) == 0xff)) {
            return "other";
        }
        return "gateway";
    }

    /** The 4 address bytes of an 8-hex-digit value printed from a host-order int holding a network-order address. */
    static byte[] ipv4(String hex) {
        if (hex.length() != 8) {
            throw new IllegalArgumentException("not an IPv4 value: " + hex);
        }
        int value = Integer.parseUnsignedInt(hex, 16);
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
