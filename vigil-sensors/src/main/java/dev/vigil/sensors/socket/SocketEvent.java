package dev.vigil.sensors.socket;

import dev.vigil.sensors.SensorEvent;

import java.util.Objects;

/**
 * One connect, accept, bind or listen on an IPv4 or IPv6 socket, as the socket sensor saw it.
 *
 * @param action         connect, accept, bind or listen
 * @param monotonicNanos when the call returned, CLOCK_MONOTONIC
 * @param timeNanos      when the call returned, Unix epoch
 * @param pid            the calling process
 * @param tid            the calling thread
 * @param ppid           its parent
 * @param uid            real user id
 * @param gid            real group id
 * @param auid           login uid; 4294967295 when unset
 * @param cgroupId       cgroup v2 id
 * @param comm           command name
 * @param path           the process's executable, read from /proc when the event arrived; null if it had exited
 * @param fd             the socket's descriptor (for accept: the new connection's)
 * @param result         the syscall's return value: 0 or a descriptor on success, minus errno on failure
 * @param family         2 (AF_INET) or 10 (AF_INET6)
 * @param type           1 SOCK_STREAM, 2 SOCK_DGRAM ...; 0 when not known (a failed call)
 * @param protocol       6 TCP, 17 UDP ...; 0 when not known
 * @param localAddress   null when not known
 * @param localPort      0 when not known
 * @param remoteAddress  null when not known (bind, listen)
 * @param remotePort     0 when not known
 * @param durationNanos  time spent in the syscall
 */
public record SocketEvent(String action, long monotonicNanos, long timeNanos, int pid, int tid, int ppid, long uid,
                          long gid, long auid, long cgroupId, String comm, String path, int fd, int result, int family,
                          int type, int protocol, String localAddress, int localPort, String remoteAddress,
                          int remotePort, long durationNanos) implements SensorEvent {
    /** Linux errno EINPROGRESS: a non-blocking connect under way. */
    public static final int EINPROGRESS = 115;

    public SocketEvent {
        Objects.requireNonNull(action);
        Objects.requireNonNull(comm);
    }

    @Override
    public String kind() {
        return action;
    }

    public boolean succeeded() {
        return result >= 0;
    }

    /** osquery's socket_events status: succeeded, failed or in_progress. */
    public String status() {
        return result >= 0 ? "succeeded" : result == -EINPROGRESS ? "in_progress" : "failed";
    }

    public SocketEvent withPath(String exe) {
        return new SocketEvent(action, monotonicNanos, timeNanos, pid, tid, ppid, uid, gid, auid, cgroupId, comm, exe,
                fd, result, family, type, protocol, localAddress, localPort, remoteAddress, remotePort, durationNanos);
    }
}
