package dev.vigil.sensors;

import dev.vigil.bpf.FeatureProbe;
import dev.vigil.bpf.HookKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Feature probes that see this host with some features hidden, so a test can make a sensor take a given hook
 * kind: the probe reads a fake root holding this process's real capabilities and only the features allowed.
 * The programs themselves still load and attach on the real kernel.
 */
public final class HostRoots {
    private HostRoots() {
    }

    /** A probe that lets the sensors' preference fall through to this kind (the kinds above it look missing). */
    public static FeatureProbe forcing(Path dir, HookKind kind, String tracepoint) throws IOException {
        write(dir, "proc/self/status", Files.readString(Path.of("/proc/self/status")));
        switch (kind) {
            case TP_BTF -> write(dir, "sys/kernel/btf/vmlinux", "");
            case TRACEPOINT -> write(dir, "sys/kernel/tracing/events/" + tracepoint + "/id", "0\n");
            case UPROBE -> write(dir, "sys/bus/event_source/devices/uprobe/type", "0\n");
            case UPROBE_MULTI -> {
                write(dir, "sys/bus/event_source/devices/uprobe/type", "0\n");
                write(dir, "proc/sys/kernel/osrelease", Files.readString(Path.of("/proc/sys/kernel/osrelease")));
            }
            case KPROBE -> write(dir, "sys/bus/event_source/devices/kprobe/type", "0\n");
            default -> {
                // RAW_TRACEPOINT needs nothing beyond privileges; FENTRY would need BTF
            }
        }
        return new FeatureProbe(dir);
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
