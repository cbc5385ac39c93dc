package dev.vigil.tables.sockets;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes the hexadecimal addresses and ports of /proc/net/{tcp,udp,raw}[6] (proc_net(5)) into the text
 * inet_ntop(3) gives: dotted IPv4, and IPv6 in RFC 5952's canonical form with glibc's dotted tail for
 * IPv4-mapped ("::ffff:127.0.0.1") and IPv4-compatible addresses.
 *
 * <p>The kernel prints each 32-bit word of an address (kept in network byte order in memory) as a host-order
 * number, so on little-endian hosts the bytes of every word appear reversed. Ports are printed in host order.
 */
public final class SocketAddressText {
    private SocketAddressText() {
    }

    /**
     * An address from 8 (IPv4) or 32 (IPv6) hex digits.
     *
     * @throws IllegalArgumentException for any other length or a non-hex digit
     */
    public static String decodeAddress(String hex) {
        byte[] bytes = switch (hex.length()) {
            case 8, 32 -> networkBytes(hex);
            default -> throw new IllegalArgumentException("address is not 8 or 32 hex digits: " + hex);
        };
        return bytes.length == 4 ? ipv4(bytes, 0) : ipv6(bytes);
    }

    /** A port from 4 hex digits. */
    public static int decodePort(String hex) {
        return Integer.parseInt(hex, 16);
    }

    private static byte[] networkBytes(String hex) {
        ByteBuffer buffer = ByteBuffer.allocate(hex.length() / 2).order(ByteOrder.nativeOrder());
        for (int i = 0; i < hex.length(); i += 8) {
            buffer.putInt(Integer.parseUnsignedInt(hex, i, i + 8, 16));
        }
        return buffer.array();
    }

    static String ipv4(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) + "." + (bytes[offset + 1] & 0xff) + "." + (bytes[offset + 2] & 0xff) + "."
                + (bytes[offset + 3] & 0xff);
    }

    /** RFC 5952: lower-case hex, no leading zeros, the longest (first) run of two or more zero words as "::". */
    static String ipv6(byte[] bytes) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestBase = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestLength < 2) {
            bestBase = -1;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
                if (i == bestBase) {
                    text.append(':');
                }
                continue;
            }
            if (i != 0) {
                text.append(':');
            }
            boolean dottedTail = i == 6 && bestBase == 0
                    && (bestLength == 6 || (bestLength == 5 && words[5] == 0xffff));
            if (dottedTail) {
                text.append(ipv4(bytes, 12));
                return text.toString();
            }
            text.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLength == 8) {
            text.append(':');
        }
        return text.toString();
    }
}
