package dev.vigil.sensors.dns;

import dev.vigil.sensors.SensorEvent;

import java.util.List;
import java.util.Objects;

/**
 * One name lookup through glibc's getaddrinfo(3), gethostbyname(3) or gethostbyname2(3), as the DNS sensor saw it
 * at its return.
 *
 * @param function       getaddrinfo, gethostbyname or gethostbyname2
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
 * @param returnCode     getaddrinfo: 0 or an EAI_* code (negative); gethostbyname(2): 0, or 1 when it returned NULL
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
        return "dns";
    }

    /** The EAI_* name of getaddrinfo's return code (glibc's netdb.h); "" for success. */
    public String error() {
        if (returnCode == 0) {
            return "";
        }
        return function.equals("getaddrinfo") ? AddrinfoErrors.name(returnCode) : function + " returned NULL";
    }

    public DnsEvent withPath(String exe) {
        return new DnsEvent(function, monotonicNanos, timeNanos, pid, tid, uid, gid, comm, exe, host, service, family,
                returnCode, latencyNanos, addresses);
    }
}
