package dev.vigil.sensors;

import dev.vigil.sensors.dns.DnsEvent;
import dev.vigil.sensors.process.ProcessEvent;
import dev.vigil.sensors.socket.SocketEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders live events as a person or a program reads them: aligned text lines (in the spirit of execsnoop and
 * tcpconnect) or JSON lines (one object per event). Stateless and thread-safe.
 */
public final class EventFormatter {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final String LINE = "%-12s %-7s %7s %7s %6s %-16s %s";

    private EventFormatter() {
    }

    /** The column header for {@link #line}. */
    public static String header() {
        return String.format(LINE, "TIME", "EVENT", "PID", "PPID", "UID", "COMM", "DETAIL");
    }

    /** One aligned line. */
    public static String line(SensorEvent event) {
        String time = CLOCK.format(Instant.ofEpochSecond(0, event.timeNanos()));
        return switch (event) {
            case ProcessEvent p -> String.format(LINE, time, p.kind(), p.pid(), p.ppid() == 0 ? "-" : p.ppid(),
                    p.credentials().uid(), p.comm(), processDetail(p));
            case SocketEvent s -> String.format(LINE, time, s.action(), s.pid(), s.ppid(), s.uid(), s.comm(), socketDetail(s));
            case DnsEvent d -> String.format(LINE, time, d.kind(), d.pid(), "-", d.uid(), d.comm(), dnsDetail(d));
            default -> String.format(LINE, time, event.kind(), event.pid(), "-", "-", event.comm(), "");
        };
    }

    /** One JSON object, without a trailing newline. */
    public static String json(SensorEvent event) {
        List<String> fields = new ArrayList<>();
        field(fields, "time", Long.toString(event.timeNanos()));
        field(fields, "event", JsonText.string(event.kind()));
        field(fields, "pid", Integer.toString(event.pid()));
        field(fields, "comm", JsonText.string(event.comm()));
        if (event instanceof ProcessEvent p) {
            field(fields, "tid", Integer.toString(p.tid()));
            if (p.type() != ProcessEvent.Kind.FORK) {
                field(fields, "ppid", Integer.toString(p.ppid()));
            }
            field(fields, "uid", Long.toString(p.credentials().uid()));
            field(fields, "gid", Long.toString(p.credentials().gid()));
            if (p.image() != null) {
                field(fields, "path", JsonText.string(p.image().path()));
                field(fields, "cwd", JsonText.string(p.image().cwd()));
                field(fields, "argv", JsonText.array(p.image().argv()));
                if (p.image().argvTruncated()) {
                    field(fields, "argv_truncated", "true");
                }
            }
            if (p.type() == ProcessEvent.Kind.EXEC) {
                field(fields, "euid", Long.toString(p.credentials().euid()));
                field(fields, "cgroup_id", Long.toString(p.cgroupId()));
            }
            if (p.exitCode() != null) {
                field(fields, "exit_code", p.exitCode().toString());
            }
            if (p.termSignal() != null) {
                field(fields, "signal", p.termSignal().toString());
            }
            if (p.durationNanos() != null) {
                field(fields, "duration_ns", p.durationNanos().toString());
            }
            if (p.childPid() != null) {
                field(fields, "child_pid", p.childPid().toString());
            }
        }
        if (event instanceof SocketEvent s) {
            field(fields, "tid", Integer.toString(s.tid()));
            field(fields, "ppid", Integer.toString(s.ppid()));
            field(fields, "uid", Long.toString(s.uid()));
            field(fields, "path", JsonText.string(s.path()));
            field(fields, "fd", Integer.toString(s.fd()));
            field(fields, "result", Integer.toString(s.result()));
            field(fields, "status", JsonText.string(s.status()));
            field(fields, "family", Integer.toString(s.family()));
            field(fields, "type", Integer.toString(s.type()));
            field(fields, "protocol", Integer.toString(s.protocol()));
            field(fields, "local_address", JsonText.string(s.localAddress()));
            field(fields, "local_port", Integer.toString(s.localPort()));
            field(fields, "remote_address", JsonText.string(s.remoteAddress()));
            field(fields, "remote_port", Integer.toString(s.remotePort()));
        }
        if (event instanceof DnsEvent d) {
            field(fields, "tid", Integer.toString(d.tid()));
            field(fields, "uid", Long.toString(d.uid()));
            field(fields, "path", JsonText.string(d.path()));
            field(fields, "function", JsonText.string(d.function()));
            field(fields, "host", JsonText.string(d.host()));
            field(fields, "service", JsonText.string(d.service()));
            field(fields, "family", Integer.toString(d.family()));
            field(fields, "return_code", Integer.toString(d.returnCode()));
            field(fields, "error", JsonText.string(d.error()));
            field(fields, "latency_ns", Long.toString(d.latencyNanos()));
            field(fields, "addresses", JsonText.array(d.addresses()));
        }
        return "{" + String.join(",", fields) + "}";
    }

    private static String dnsDetail(DnsEvent d) {
        String answer = d.returnCode() == 0 ? String.join(",", d.addresses()) : d.error();
        return String.format("%s%s %.3f ms -> %s", d.host(), d.service().isEmpty() ? "" : ":" + d.service(),
                d.latencyNanos() / 1e6, answer);
    }

    private static String socketDetail(SocketEvent s) {
        String proto = s.protocol() == 6 ? "tcp" : s.protocol() == 17 ? "udp" : s.type() == 0 ? "ip" : "proto " + s.protocol();
        String local = s.localAddress() == null ? "?" : endpoint(s.localAddress(), s.localPort());
        String detail = proto + (s.family() == 10 ? "6 " : " ") + local;
        if (s.remoteAddress() != null) {
            detail += " -> " + endpoint(s.remoteAddress(), s.remotePort());
        }
        return detail + (s.succeeded() ? "" : " " + s.status() + " (" + s.result() + ")");
    }

    private static String endpoint(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    private static String processDetail(ProcessEvent p) {
        return switch (p.type()) {
            case EXEC -> p.image().path() + "  " + p.image().cmdline() + (p.image().argvTruncated() ? " [truncated]" : "");
            case EXIT -> (p.exitCode() != null ? "exit " + p.exitCode() : "killed by signal " + p.termSignal())
                    + (p.durationNanos() != null ? String.format(" after %.3f s", p.durationNanos() / 1e9) : "")
                    + (p.image() != null ? "  " + p.image().path() : "");
            case FORK -> "child " + p.childPid();
        };
    }

    private static void field(List<String> fields, String name, String jsonValue) {
        fields.add(JsonText.string(name) + ":" + jsonValue);
    }
}
