package dev.vigil.sensors;

import dev.vigil.sensors.dns.DnsEvent;
import dev.vigil.sensors.process.ProcessEvent;
import dev.vigil.sensors.socket.SocketEvent;
import dev.vigil.sql.text.Json;
import dev.vigil.sql.text.TerminalText;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

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

    /**
     * One aligned line. Every text that comes from the traced processes (command names, paths, arguments, hosts) is
     * escaped with {@link TerminalText}: a process cannot forge a line or drive the terminal.
     */
    public static String line(SensorEvent event) {
        String time = CLOCK.format(Instant.ofEpochSecond(0, event.timeNanos()));
        String comm = TerminalText.safe(event.comm());
        return switch (event) {
            case ProcessEvent p -> String.format(LINE, time, p.kind(), p.pid(), p.ppid() == 0 ? "-" : p.ppid(),
                    p.credentials().uid(), comm, processDetail(p));
            case SocketEvent s -> String.format(LINE, time, s.action(), s.pid(), s.ppid(), s.uid(), comm, socketDetail(s));
            case DnsEvent d -> String.format(LINE, time, d.kind(), d.pid(), "-", d.uid(), comm, dnsDetail(d));
            default -> String.format(LINE, time, event.kind(), event.pid(), "-", "-", comm, "");
        };
    }

    /** One JSON object, without a trailing newline; control characters escaped as JSON requires. */
    public static String json(SensorEvent event) {
        Json.ObjectBuilder o = Json.object()
                .raw("time", Long.toString(event.timeNanos()))
                .field("event", event.kind())
                .raw("pid", Integer.toString(event.pid()))
                .field("comm", event.comm());
        if (event instanceof ProcessEvent p) {
            o.raw("tid", Integer.toString(p.tid()));
            if (p.type() != ProcessEvent.Kind.FORK) {
                o.raw("ppid", Integer.toString(p.ppid()));
            }
            o.raw("uid", Long.toString(p.credentials().uid()));
            o.raw("gid", Long.toString(p.credentials().gid()));
            if (p.image() != null) {
                o.field("path", p.image().path());
                o.field("cwd", p.image().cwd());
                o.raw("argv", Json.array(p.image().argv()));
                if (p.image().argvTruncated()) {
                    o.raw("argv_truncated", "true");
                }
            }
            if (p.type() == ProcessEvent.Kind.EXEC) {
                o.raw("euid", Long.toString(p.credentials().euid()));
                o.raw("cgroup_id", Long.toString(p.cgroupId()));
            }
            if (p.exitCode() != null) {
                o.raw("exit_code", p.exitCode().toString());
            }
            if (p.termSignal() != null) {
                o.raw("signal", p.termSignal().toString());
            }
            if (p.durationNanos() != null) {
                o.raw("duration_ns", p.durationNanos().toString());
            }
            if (p.childPid() != null) {
                o.raw("child_pid", p.childPid().toString());
            }
        }
        if (event instanceof SocketEvent s) {
            o.raw("tid", Integer.toString(s.tid()));
            o.raw("ppid", Integer.toString(s.ppid()));
            o.raw("uid", Long.toString(s.uid()));
            o.field("path", s.path());
            o.raw("fd", Integer.toString(s.fd()));
            o.raw("result", Integer.toString(s.result()));
            o.field("status", s.status());
            o.raw("family", Integer.toString(s.family()));
            o.raw("type", Integer.toString(s.type()));
            o.raw("protocol", Integer.toString(s.protocol()));
            o.field("local_address", s.localAddress());
            o.raw("local_port", Integer.toString(s.localPort()));
            o.field("remote_address", s.remoteAddress());
            o.raw("remote_port", Integer.toString(s.remotePort()));
        }
        if (event instanceof DnsEvent d) {
            o.raw("tid", Integer.toString(d.tid()));
            o.raw("uid", Long.toString(d.uid()));
            o.field("path", d.path());
            o.field("function", d.function());
            o.field("host", d.host());
            o.field("service", d.service());
            o.raw("family", Integer.toString(d.family()));
            o.raw("return_code", Integer.toString(d.returnCode()));
            o.field("error", d.error());
            o.raw("latency_ns", Long.toString(d.latencyNanos()));
            o.raw("addresses", Json.array(d.addresses()));
        }
        return o.build();
    }

    private static String dnsDetail(DnsEvent d) {
        String answer = d.returnCode() == 0 ? String.join(",", d.addresses()) : d.error();
        return String.format("%s%s %.3f ms -> %s", TerminalText.safe(d.host()),
                d.service().isEmpty() ? "" : ":" + TerminalText.safe(d.service()), d.latencyNanos() / 1e6, answer);
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
            case EXEC -> TerminalText.safe(p.image().path()) + "  " + TerminalText.safe(p.image().cmdline())
                    + (p.image().argvTruncated() ? " [truncated]" : "");
            case EXIT -> (p.exitCode() != null ? "exit " + p.exitCode() : "killed by signal " + p.termSignal())
                    + (p.durationNanos() != null ? String.format(" after %.3f s", p.durationNanos() / 1e9) : "")
                    + (p.image() != null ? "  " + TerminalText.safe(p.image().path()) : "");
            case FORK -> "child " + p.childPid();
        };
    }
}
