package dev.vigil.tables.sockets;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the socket lists of a network namespace: /proc/net/{tcp,udp,udplite,raw,icmp}[6], /proc/net/unix and
 * /proc/net/packet (proc_net(5); the columns come from the kernel's seq_show functions, e.g. tcp4_seq_show).
 * Each file starts with a header line, which is checked; malformed entries are skipped.
 */
public final class NetSocketParser {
    private NetSocketParser() {
    }

    /**
     * An internet socket list: "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout
     * inode ...", addresses as "HEX:PORT".
     *
     * @param family   {@link NetSocket#AF_INET} or {@link NetSocket#AF_INET6}
     * @param protocol the IPPROTO_* of the file; the state is named only for TCP
     * @throws IllegalArgumentException if the header is not that of a socket list
     */
    public static List<NetSocket> parseInternet(String text, int family, int protocol) {
        List<NetSocket> out = new ArrayList<>();
        String[] lines = text.split("\n");
        checkHeader(lines, "sl", "an internet socket list");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            int localColon = f[1].indexOf(':');
            int remoteColon = f[2].indexOf(':');
            if (localColon < 0 || remoteColon < 0) {
                continue;
            }
            try {
                out.add(new NetSocket(Long.parseLong(f[9]), family, protocol,
                        SocketAddressText.decodeAddress(f[1].substring(0, localColon)),
                        SocketAddressText.decodePort(f[1].substring(localColon + 1)),
                        SocketAddressText.decodeAddress(f[2].substring(0, remoteColon)),
                        SocketAddressText.decodePort(f[2].substring(remoteColon + 1)),
                        null, protocol == NetSocket.IPPROTO_TCP ? TcpState.name(f[3]) : null));
            } catch (IllegalArgumentException e) {
                // a malformed entry
            }
        }
        return out;
    }

    /**
     * /proc/net/unix: "Num RefCount Protocol Flags Type St Inode Path"; the path is the rest of the line and may
     * contain spaces; abstract names start with '@'.
     */
    public static List<NetSocket> parseUnix(String text) {
        List<NetSocket> out = new ArrayList<>();
        String[] lines = text.split("\n");
        checkHeader(lines, "Num", "/proc/net/unix");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split("\\s+", 8);
            if (f.length < 7) {
                continue;
            }
            try {
                String path = f.length == 8 && !f[7].isEmpty() ? f[7] : null;
                out.add(new NetSocket(Long.parseLong(f[6]), NetSocket.AF_UNIX, Integer.parseInt(f[2], 16), null, 0,
                        null, 0, path, null));
            } catch (NumberFormatException e) {
                // a malformed entry
            }
        }
        return out;
    }

    /** /proc/net/packet: "sk RefCnt Type Proto Iface R Rmem User Inode", Proto being the EtherType in hex. */
    public static List<NetSocket> parsePacket(String text) {
        List<NetSocket> out = new ArrayList<>();
        String[] lines = text.split("\n");
        checkHeader(lines, "sk", "/proc/net/packet");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split("\\s+");
            if (f.length < 9) {
                continue;
            }
            try {
                out.add(new NetSocket(Long.parseLong(f[8]), NetSocket.AF_PACKET, Integer.parseInt(f[3], 16), null, 0,
                        null, 0, null, "NONE"));
            } catch (NumberFormatException e) {
                // a malformed entry
            }
        }
        return out;
    }

    private static void checkHeader(String[] lines, String first, String what) {
        if (lines.length == 0 || !lines[0].strip().startsWith(first)) {
            String header = lines.length == 0 ? "" : lines[0].strip();
            throw new IllegalArgumentException("not " + what + ": header \"" + header + "\"");
        }
    }
}
