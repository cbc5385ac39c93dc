package dev.vigil.tables.sockets;

/**
 * A socket with the process and descriptor that hold it.
 *
 * @param pid          the owning process, or -1 when no process scanned holds it (as osquery reports)
 * @param fd           the descriptor number in that process, or -1
 * @param socket       what the namespace's /proc/net files say about it
 * @param netNamespace inode of the network namespace (/proc/[pid]/ns/net), or null if it could not be read
 */
public record OpenSocket(long pid, long fd, NetSocket socket, Long netNamespace) {
}
