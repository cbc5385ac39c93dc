package dev.vigil.tables.sockets;

/**
 * One socket of a network namespace, as a /proc/net file lists it.
 *
 * @param inode         the socket's inode, the number in the "socket:[inode]" links of /proc/[pid]/fd; 0 for
 *                      sockets no file refers to any more (TIME_WAIT, pending connection requests)
 * @param family        AF_UNIX 1, AF_INET 2, AF_INET6 10, AF_PACKET 17
 * @param protocol      IPPROTO_* for internet sockets (the protocol of the file read: tcp 6, udp 17 ...), the
 *                      Protocol column (0) for unix sockets, the EtherType for packet sockets
 * @param localAddress  text address; null for unix and packet sockets
 * @param localPort     0 for unix and packet sockets
 * @param remoteAddress text address; null for unix and packet sockets
 * @param remotePort    0 when unconnected, and for unix and packet sockets
 * @param path          unix sockets' bound path ("@name" for the abstract namespace); null otherwise or unbound
 * @param state         TCP state name ({@link TcpState}), "NONE" for packet sockets, null otherwise
 */
public record NetSocket(long inode, int family, int protocol, String localAddress, int localPort,
                        String remoteAddress, int remotePort, String path, String state) {

    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int AF_PACKET = 17;

    public static final int IPPROTO_ICMP = 1;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    public static final int IPPROTO_UDPLITE = 136;
    public static final int IPPROTO_RAW = 255;

    public boolean isInternet() {
        return family == AF_INET || family == AF_INET6;
    }
}
