package dev.vigil.tables.network;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;

/**
 * IP addresses and masks as text, the way glibc's inet_ntop(3) and getnameinfo(3) (NI_NUMERICHOST) write them,
 * which is what osquery shows: IPv6 with the longest run of zero groups as {@code ::}, lower-case hex, and a
 * {@code %interface} suffix on scoped link-local addresses. Stateless.
 */
public final class InetText {

    private InetText() {
    }

    /** An address of 4 or 16 bytes in network order as inet_ntop(3) writes it. */
    public static String format(byte[] address) {
        return switch (address.length) {
            case 4 -> (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
            case 16 -> formatIpv6(address);
            default -> throw new IllegalArgumentException("not an IP address: " + address.length + " bytes");
        };
    }

    /** An address as getnameinfo(3) writes it: a link-local IPv6 address keeps its scope as {@code %ifname}. */
    public static String format(InetAddress address) {
        String text = format(address.getAddress());
        if (address instanceof Inet6Address v6 && (v6.isLinkLocalAddress() || v6.isMCLinkLocal())) {
            NetworkInterface scope = v6.getScopedInterface();
            if (scope != null) {
                return text + "%" + scope.getName();
            }
            if (v6.getScopeId() != 0) {
                return text + "%" + v6.getScopeId();
            }
        }
        return text;
    }

    /** The mask of a prefix length as address text: 8 → {@code 255.0.0.0}, 64 → {@code ffff:ffff:ffff:ffff::}. */
    public static String mask(int prefixLength, int addressBytes) {
        byte[] mask = new byte[addressBytes];
        for (int bit = 0; bit < Math.min(prefixLength, addressBytes * 8); bit++) {
            mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return format(mask);
    }

    /** The prefix length of a contiguous mask; -1 if the mask's one bits are not contiguous from the left. */
    public static int prefixLength(byte[] mask) {
        int length = 0;
        boolean ended = false;
        for (byte b : mask) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = (b >> bit & 1) == 1;
                if (one && ended) {
                    return -1;
                }
                if (one) {
                    length++;
                } else {
                    ended = true;
                }
            }
        }
        return length;
    }

    /**
     * inet_ntop(3) for AF_INET6 (glibc, after BIND): the first longest run of two or more zero groups becomes
     * {@code ::}; an IPv4-compatible ({@code ::a.b.c.d}) or IPv4-mapped address ends in
     * dotted decimal.
     */
    private static String formatIpv6(byte[] a) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (a[2 * i] & 0xff) << 8 | (a[2 * i + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && words[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestBase = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            boolean embedsIpv4 = i == 6 && bestBase == 0
                    && (bestLength == 6 || (bestLength == 5 && words[5] == 0xffff));
            if (embedsIpv4) {
                sb.append(format(new byte[] {a[12], a[13], a[14], a[15]}));
                return sb.toString();
            }
            sb.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLength == 8) {
            sb.append(':');
        }
        return sb.toString();
    }
}
