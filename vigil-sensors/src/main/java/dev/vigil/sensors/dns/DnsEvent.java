package dev.vigil.sensors.dns;

import dev.vigil.sensors.SensorEvent;

import java.util.List;
import java.util.Objects;

/**
 * One name lookup through glibc's getaddrinfo(3) or the gethostbyname(3) family, as the DNS sensor saw it at its
 * return.
 *
 * @param function       getaddrinfo, gethostbyname, gethostbyname2, gethostbyname_r or gethostbyname2_r
 * @param monotonicNanos when it returned, CLOCK_MONOTONIC
 * @param timeNanos      when it returned, Unix epoch
 * @param pid            the calling process
 * @param tid            the calling thread
 * @param uid            real user id
 * @param gid            real group id
 * @param comm           command name
 * @param path           the process's executable, read from /proc when the event arrived; null if it had exited
 * @param host           the node looked up; empty if the caller passed none
 * @param service        the service (port name or number); empty if none
 * @param family         the address family asked for in the hints: 0 any, 2 IPv4, 10 IPv6; -1 without hints
 * @param returnCode     getaddrinfo: 0 or an EAI_* code (negative); the gethostbyname family: 0 when it found the
 *                       host, else h_errno (1 HOST_NOT_FOUND, 2 TRY_AGAIN, 3 NO_RECOVERY, 4 NO_DATA, -1
 *                       NETDB_INTERNAL), or {@value #H_ERRNO_UNREAD} where h_errno could not be read
 * @param latencyNanos   time spent in getaddrinfo
 * @param addresses      the distinct addresses of the first answers (at most 16 list entries are read), in order
 */
public record DnsEvent(String function, long monotonicNanos, long timeNanos, int pid, int tid, long uid, long gid, String comm,
                       String path, String host, String service, int family, int returnCode, long latencyNanos,
                       List<String> addresses) implements SensorEvent {

    public DnsEvent {
        Objects.requireNonNull(function);
        Objects.requireNonNull(comm);
        Objects.requireNonNull(host);
        Objects.requireNonNull(service);
        addresses = List.copyOf(addresses);
    }

    @Override
    public String kind() {
        return DnsSensor.KIND;
    }

    /** The return code of a failed gethostbyname-family call whose h_errno could not be read. */
    public static final int H_ERRNO_UNREAD = 255;

    /** The name of the return code: getaddrinfo's EAI_*, the gethostbyname family's h_errno; "" for success. */
    public String error() {
        if (returnCode == 0) {
            return "";
        }
        if (function.equals("getaddrinfo")) {
            return AddrinfoErrors.name(returnCode);
        }
        return switch (returnCode) {
            case 1 -> "HOST_NOT_FOUND";
            case 2 -> "TRY_AGAIN";
            case 3 -> "NO_RECOVERY";
            case 4 -> "NO_DATA";
            case -1 -> "NETDB_INTERNAL";
            case H_ERRNO_UNREAD -> function + " found nothing (h_errno not read)";
            default -> "h_errno " + returnCode;
        };
    }

    public DnsEvent withPath(String exe) {
        return new DnsEvent(function, monotonicNanos, timeNanos, pid, tid, uid, gid, comm, exe, host, service, family,
                returnCode, latencyNanos, addresses);
    }
}
