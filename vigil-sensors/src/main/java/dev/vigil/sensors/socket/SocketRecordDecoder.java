package dev.vigil.sensors.socket;

import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.RecordReader;
import dev.vigil.sensors.WallClock;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes socket.bpf.c's struct socket_record (host byte order; addresses in network order) into
 * {@link SocketEvent}s. Pure. Offsets mirror the C struct and are checked against the object's BTF by a test.
 */
public final class SocketRecordDecoder {
    public static final int RECORD_SOCKET = 16;
    static final int UID = 24;
    static final int GID = 28;
    static final int FD = 32;
    static final int RET = 36;
    static final int ACTION = 40;
    static final int FAMILY = 42;
    static final int TYPE = 44;
    static final int PROTOCOL = 46;
    static final int LOCAL_PORT = 48;
    static final int REMOTE_PORT = 50;
    static final int HAS_SOCKET = 52;
    static final int LOCAL_ADDR4 = 56;
    static final int REMOTE_ADDR4 = 60;
    static final int LOCAL_ADDR = 64;
    static final int REMOTE_ADDR = 80;
    static final int SOCKADDR = 96;
    static final int SOCKADDR_LEN = 124;
    static final int COMM = 128;
    static final int PPID = 144;
    static final int AUID = 148;
    static final int CGROUP_ID = 152;
    static final int DURATION = 160;
    static final int SIZE = 168;

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    private static final String[] ACTIONS = {null, "connect", "accept", "bind", "listen"};

    private final WallClock clock;

    public SocketRecordDecoder(WallClock clock) {
        this.clock = clock;
    }

    /**
     * The address of an IPv4 socket, or of an IPv6 one; an IPv6 socket talking IPv4 (a v4-mapped peer) may keep
     * the address only in the IPv4 field, shown then as ::ffff:a.b.c.d.
     */
    static String socketAddress(byte[] v4, byte[] v6, boolean ipv6) {
        if (!ipv6) {
            return IpText.format(v4, false);
        }
        boolean v6Unspecified = java.util.Arrays.equals(v6, new byte[16]);
        boolean v4Set = !java.util.Arrays.equals(v4, new byte[4]);
        if (v6Unspecified && v4Set) {
            return "::ffff:" + IpText.format(v4, false);
        }
        return IpText.format(v6, true);
    }

    public SocketEvent decode(byte[] record) throws MalformedRecordException {
        RecordReader r = new RecordReader(record);
        if (r.u16(0) != RECORD_SOCKET || r.u32(4) != SIZE || record.length != SIZE) {
            throw new MalformedRecordException("not a " + SIZE + "-byte socket record: type " + r.u16(0) + ", "
                    + record.length + " bytes");
        }
        int action = r.u16(ACTION);
        if (action < 1 || action >= ACTIONS.length) {
            throw new MalformedRecordException("unknown socket action " + action);
        }
        int family = r.u16(FAMILY);
        if (family != AF_INET && family != AF_INET6) {
            throw new MalformedRecordException("socket family " + family + " is neither AF_INET nor AF_INET6");
        }
        boolean ipv6 = family == AF_INET6;
        String local = null;
        String remote = null;
        int localPort = 0;
        int remotePort = 0;
        if (r.u32(HAS_SOCKET) != 0) {
            local = socketAddress(r.slice(LOCAL_ADDR4, 4), r.slice(LOCAL_ADDR, 16), ipv6);
            remote = socketAddress(r.slice(REMOTE_ADDR4, 4), r.slice(REMOTE_ADDR, 16), ipv6);
            localPort = r.u16(LOCAL_PORT);
            remotePort = r.u16(REMOTE_PORT);
        }
        int sockaddrLen = r.u16(SOCKADDR_LEN);
        if (sockaddrLen > 28) {
            throw new MalformedRecordException("sockaddr length " + sockaddrLen);
        }
        // The caller's sockaddr (ip(7), ipv6(7)) names the peer of a connect and the address of a bind; it is the
        // only source when the call failed before the socket was updated.
        boolean fromSockaddr = action == 1 || action == 3;
        if (fromSockaddr && (local == null || action == 1 && r.s32(RET) < 0)) {
            ByteBuffer sa = ByteBuffer.wrap(r.slice(SOCKADDR, 28));
            int saFamily = sa.order(ByteOrder.nativeOrder()).getShort(0) & 0xffff;
            int port = sa.order(ByteOrder.BIG_ENDIAN).getShort(2) & 0xffff;
            String address = null;
            if (saFamily == AF_INET && sockaddrLen >= 8) {
                address = IpText.format(r.slice(SOCKADDR + 4, 4), false);
            } else if (saFamily == AF_INET6 && sockaddrLen >= 24) {
                address = IpText.format(r.slice(SOCKADDR + 8, 16), true);
            }
            if (address != null && action == 1) {
                remote = address;
                remotePort = port;
            } else if (address != null) {
                local = address;
                localPort = port;
            }
        }
        if (action == 3 || action == 4) {
            remote = null;
            remotePort = 0;
        }
        long ktime = r.u64(8);
        return new SocketEvent(ACTIONS[action], ktime, clock.toEpochNanos(ktime), r.s32(16), r.s32(20), r.s32(PPID),
                r.u32(UID), r.u32(GID), r.u32(AUID), r.u64(CGROUP_ID), r.cString(COMM, 16), null, r.s32(FD),
                r.s32(RET), family, r.u16(TYPE), r.u16(PROTOCOL), local, localPort, remote, remotePort, r.u64(DURATION));
    }
}
