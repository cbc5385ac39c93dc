package dev.vigil.tables.sockets;

import dev.vigil.tables.process.Procfs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Joins the sockets of each network namespace (/proc/[pid]/net/*) with the processes holding them (the
 * "socket:[inode]" links of /proc/[pid]/fd). Each namespace's lists are read once, through the first process
 * scanned that lives in it. A socket held by several descriptors or processes (inherited across fork, passed
 * over a unix socket) gives one entry per holder. Immutable and thread-safe.
 *
 * <p>Namespaces are told apart by the identity of /proc/[pid]/net/dev: procfs registers a separate set of
 * /proc/net entries, with their own inode numbers, for each network namespace. That still works when the
 * /proc/[pid]/ns/net link cannot be read (some sandboxes deny it even to root, for pid 1); the namespace's
 * inode is then taken from another process in it, if any.
 */
public final class SocketInventory {

    /** A /proc/[pid]/net file with the family and protocol of the sockets it lists. */
    private record SocketList(String file, int family, int protocol) {
    }

    private static final List<SocketList> INTERNET_LISTS = List.of(
            new SocketList("net/icmp", NetSocket.AF_INET, NetSocket.IPPROTO_ICMP),
            new SocketList("net/icmp6", NetSocket.AF_INET6, NetSocket.IPPROTO_ICMP),
            new SocketList("net/tcp", NetSocket.AF_INET, NetSocket.IPPROTO_TCP),
            new SocketList("net/tcp6", NetSocket.AF_INET6, NetSocket.IPPROTO_TCP),
            new SocketList("net/udp", NetSocket.AF_INET, NetSocket.IPPROTO_UDP),
            new SocketList("net/udp6", NetSocket.AF_INET6, NetSocket.IPPROTO_UDP),
            new SocketList("net/udplite", NetSocket.AF_INET, NetSocket.IPPROTO_UDPLITE),
            new SocketList("net/udplite6", NetSocket.AF_INET6, NetSocket.IPPROTO_UDPLITE),
            new SocketList("net/raw", NetSocket.AF_INET, NetSocket.IPPROTO_RAW),
            new SocketList("net/raw6", NetSocket.AF_INET6, NetSocket.IPPROTO_RAW));

    /** The sockets listed in one network namespace, and its inode once a process's ns/net link gave it. */
    private static final class Namespace {
        Long inode;
        final List<NetSocket> sockets;

        Namespace(Long inode, List<NetSocket> sockets) {
            this.inode = inode;
            this.sockets = sockets;
        }
    }

    private final Procfs procfs;

    public SocketInventory(Procfs procfs) {
        this.procfs = procfs;
    }

    /**
     * The sockets of the given processes' network namespaces.
     *
     * @param pids           the processes whose descriptors are read
     * @param includeUnowned also return sockets no listed process holds, with pid and fd -1 (osquery does so when
     *                       the query does not restrict pid)
     * @param warnings       receives a message for each /proc/net file that is not in the expected format
     */
    public List<OpenSocket> scan(Collection<Long> pids, boolean includeUnowned, Consumer<String> warnings) {
        Map<Long, List<long[]>> holders = new HashMap<>();
        Map<Object, Namespace> namespaces = new LinkedHashMap<>();
        for (long pid : pids) {
            for (Procfs.Descriptor descriptor : procfs.descriptors(pid)) {
                long inode = socketInode(descriptor.target());
                if (inode > 0) {
                    holders.computeIfAbsent(inode, k -> new ArrayList<>()).add(new long[]{pid, descriptor.fd()});
                }
            }
            Long nsInode = namespaceInode(procfs.readLink(pid, "ns/net"));
            Object key = procfs.fileKey(pid, "net/dev");
            if (key == null) {
                key = nsInode;
            }
            if (key == null) {
                continue;
            }
            Namespace namespace = namespaces.get(key);
            if (namespace == null) {
                namespaces.put(key, new Namespace(nsInode, readNamespace(pid, warnings)));
            } else if (namespace.inode == null) {
                namespace.inode = nsInode;
            }
        }
        List<OpenSocket> out = new ArrayList<>();
        for (Namespace namespace : namespaces.values()) {
            for (NetSocket socket : namespace.sockets) {
                List<long[]> owners = socket.inode() > 0 ? holders.get(socket.inode()) : null;
                if (owners != null) {
                    for (long[] owner : owners) {
                        out.add(new OpenSocket(owner[0], owner[1], socket, namespace.inode));
                    }
                } else if (includeUnowned) {
                    out.add(new OpenSocket(-1, -1, socket, namespace.inode));
                }
            }
        }
        return out;
    }

    /** Every socket listed in the network namespace of the process; empty if it vanished. */
    private List<NetSocket> readNamespace(long pid, Consumer<String> warnings) {
        List<NetSocket> out = new ArrayList<>();
        for (SocketList list : INTERNET_LISTS) {
            String text = procfs.readText(pid, list.file());
            if (text != null) {
                parse(list.file(), warnings, out, () -> NetSocketParser.parseInternet(text, list.family(),
                        list.protocol()));
            }
        }
        String unix = procfs.readText(pid, "net/unix");
        if (unix != null) {
            parse("net/unix", warnings, out, () -> NetSocketParser.parseUnix(unix));
        }
        String packet = procfs.readText(pid, "net/packet");
        if (packet != null) {
            parse("net/packet", warnings, out, () -> NetSocketParser.parsePacket(packet));
        }
        return out;
    }

    private static void parse(String file, Consumer<String> warnings, List<NetSocket> out,
                              Supplier<List<NetSocket>> parser) {
        try {
            out.addAll(parser.get());
        } catch (IllegalArgumentException e) {
            warnings.accept("/proc/[pid]/" + file + ": " + e.getMessage());
        }
    }

    /** The inode of a "socket:[inode]" descriptor link, or -1 for any other link. */
    static long socketInode(String target) {
        return bracketedNumber(target, "socket:[");
    }

    /** The inode of a "net:[inode]" namespace link, or null. */
    static Long namespaceInode(String target) {
        long inode = target == null ? -1 : bracketedNumber(target, "net:[");
        return inode > 0 ? inode : null;
    }

    private static long bracketedNumber(String target, String prefix) {
        if (!target.startsWith(prefix) || !target.endsWith("]")) {
            return -1;
        }
        try {
            return Long.parseLong(target, prefix.length(), target.length() - 1, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
