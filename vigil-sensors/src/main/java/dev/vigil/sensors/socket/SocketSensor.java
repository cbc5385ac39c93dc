package dev.vigil.sensors.socket;

import dev.vigil.bpf.BpfException;
import dev.vigil.bpf.BpfObject;
import dev.vigil.bpf.HookKind;
import dev.vigil.sensors.BpfSensor;
import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.ProcessExecutables;
import dev.vigil.sensors.WallClock;

import java.util.List;

/**
 * connect, accept, bind and listen on IPv4 and IPv6 sockets (socket.bpf.c). Hooks, best first: the per-syscall
 * tracepoints syscalls/sys_{enter,exit}_* (need tracefs mounted; fire only for these calls), else the raw
 * tracepoints sys_enter/sys_exit (no tracefs; run for every syscall and return early for the others).
 * Failed accepts (a non-blocking accept with nobody waiting) are not reported; failed connects and binds are.
 */
public final class SocketSensor extends BpfSensor<SocketEvent> {
    private final ProcessExecutables executables = new ProcessExecutables();
    public static final String NAME = "socket";
    /** The kinds of events, each kept in its own store. */
    public static final java.util.List<String> KINDS = java.util.List.of("connect", "accept", "bind", "listen");
    private static final String[] SYSCALLS = {"connect", "accept", "accept4", "bind", "listen"};

    private final SocketRecordDecoder decoder = new SocketRecordDecoder(WallClock.now());

    public SocketSensor(EventStores<SocketEvent> stores) {
        super(NAME, stores);
    }

    @Override
    protected String objectResource() {
        return "/bpf/socket.bpf.o";
    }

    @Override
    protected List<HookKind> hookPreference() {
        return List.of(HookKind.TRACEPOINT, HookKind.RAW_TRACEPOINT);
    }

    @Override
    protected String probeTarget(HookKind kind) {
        return "syscalls/sys_enter_connect";
    }

    @Override
    protected void selectPrograms(BpfObject object, HookKind kind) throws BpfException {
        for (String syscall : SYSCALLS) {
            object.program("tp_enter_" + syscall).setAutoload(kind == HookKind.TRACEPOINT);
            object.program("tp_exit_" + syscall).setAutoload(kind == HookKind.TRACEPOINT);
        }
        object.program("raw_enter").setAutoload(kind == HookKind.RAW_TRACEPOINT);
        object.program("raw_exit").setAutoload(kind == HookKind.RAW_TRACEPOINT);
    }

    @Override
    protected void attach(BpfObject object, HookKind kind) throws BpfException {
        if (kind == HookKind.TRACEPOINT) {
            for (String syscall : SYSCALLS) {
                object.program("tp_enter_" + syscall).attachTracepoint("syscalls", "sys_enter_" + syscall);
                object.program("tp_exit_" + syscall).attachTracepoint("syscalls", "sys_exit_" + syscall);
            }
        } else {
            object.program("raw_enter").attachRawTracepoint("sys_enter");
            object.program("raw_exit").attachRawTracepoint("sys_exit");
        }
    }

    @Override
    protected SocketEvent decode(byte[] record) throws MalformedRecordException {
        SocketEvent event = decoder.decode(record);
        return event.withPath(executables.path(event.pid(), event.comm()));
    }

}
