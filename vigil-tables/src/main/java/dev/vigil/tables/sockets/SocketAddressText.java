package dev.vigil.tables.sockets;

import dev.vigil.tables.network.InetText;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes the hexadecimal addresses and ports of /proc/net/{tcp,udp,raw}[6] (proc_net(5)) into the text
 * inet_ntop(3) gives ({@link InetText}): dotted IPv4, and IPv6 in RFC 5952's canonical form with glibc's dotted tail for
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
        return InetText.format(bytes);
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
}
