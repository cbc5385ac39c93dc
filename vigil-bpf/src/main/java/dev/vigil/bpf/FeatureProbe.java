package dev.vigil.bpf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides at run time which hook kinds this host offers, from what the kernel exposes in /proc and /sys, so that
 * kernel differences are handled in one place. The checks are necessary conditions; a kernel may still refuse a
 * program at load (fentry gets EPERM on some kernels), so sensors fall back to their next hook kind when loading
 * fails and report the reason.
 *
 * <p>Immutable and thread-safe; every check reads the file system afresh.
 */
public final class FeatureProbe {
    /** Linux capability numbers (uapi/linux/capability.h). */
    private static final int CAP_SYS_ADMIN = 21;
    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");
    private static final int CAP_PERFMON = 38;
    private static final int CAP_BPF = 39;

    private final Path root;

    /** A probe of the running system. */
    public FeatureProbe() {
        this(Path.of("/"));
    }

    /** A probe of a fake system root holding proc/ and sys/ (for tests). */
    public FeatureProbe(Path root) {
        this.root = root;
    }

    /**
     * The first hook kind of {@code preferred} this host supports, or an {@link Unsupported} that gives every
     * kind's reason.
     *
     * @param target what the hook attaches to, per kind: for TRACEPOINT {@code category/event}; for the others the
     *               tracepoint or function name (used for the tracefs check only)
     */
    public HookChoice choose(List<HookKind> preferred, String target) {
        List<String> reasons = new ArrayList<>();
        for (HookKind kind : preferred) {
            Unsupported why = check(kind, target);
            if (why == null) {
                return kind;
            }
            reasons.add(why.reason());
        }
        return new Unsupported(target, String.join("; ", reasons));
    }

    /** Null if the kind looks usable here, else why not. */
    public Unsupported check(HookKind kind, String target) {
        Unsupported privileges = checkPrivileges();
        if (privileges != null) {
            return privileges;
        }
        return switch (kind) {
            case FENTRY, TP_BTF -> exists("sys/kernel/btf/vmlinux") ? null
                    : new Unsupported(kind.sectionPrefix(), kind + " needs kernel BTF (/sys/kernel/btf/vmlinux, CONFIG_DEBUG_INFO_BTF)");
            case RAW_TRACEPOINT -> null;
            case KPROBE -> exists("sys/bus/event_source/devices/kprobe/type") || exists("sys/kernel/tracing/kprobe_events")
                    ? null : new Unsupported("kprobe", "kprobe: the kernel has no kprobe PMU (CONFIG_KPROBE_EVENTS)");
            case UPROBE -> exists("sys/bus/event_source/devices/uprobe/type") || exists("sys/kernel/tracing/uprobe_events")
                    ? null : new Unsupported("uprobe", "uprobe: the kernel has no uprobe PMU (CONFIG_UPROBE_EVENTS)");
            case UPROBE_MULTI -> checkUprobeMulti();
            case TRACEPOINT -> checkTracepoint(target);
        };
    }

    /**
     * Null if the kernel is 6.6 or newer (uprobe_multi links) and has uprobes; a backport that reports an older
     * version is not used, and a kernel that refuses the link at attach time makes the sensor fall back to uprobes.
     */
    private Unsupported checkUprobeMulti() {
        Unsupported uprobes = check(HookKind.UPROBE, "");
        if (uprobes != null) {
            return uprobes;
        }
        String release;
        try {
            release = Files.readString(root.resolve("proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            return new Unsupported("uprobe_multi", "uprobe_multi: kernel release unreadable (" + e.getMessage() + ")");
        }
        Matcher m = RELEASE.matcher(release);
        if (m.find()) {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            if (major > 6 || major == 6 && minor >= 6) {
                return null;
            }
        }
        return new Unsupported("uprobe_multi", "uprobe_multi: needs kernel 6.6 or newer (this is " + release + ")");
    }

    /** Null if this process may load tracing programs: CAP_SYS_ADMIN, or CAP_BPF with CAP_PERFMON (kernel 5.8+). */
    public Unsupported checkPrivileges() {
        long caps;
        try {
            caps = effectiveCapabilities(Files.readString(root.resolve("proc/self/status")));
        } catch (IOException | RuntimeException e) {
            return new Unsupported("bpf", "cannot read effective capabilities: " + e.getMessage());
        }
        boolean admin = (caps & (1L << CAP_SYS_ADMIN)) != 0;
        boolean bpf = (caps & (1L << CAP_BPF)) != 0 && (caps & (1L << CAP_PERFMON)) != 0;
        return admin || bpf ? null
                : new Unsupported("bpf", "needs root, or CAP_BPF and CAP_PERFMON, to load tracing programs");
    }

    /** Parses the CapEff line of /proc/[pid]/status (proc(5)): a hexadecimal capability mask. */
    static long effectiveCapabilities(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("CapEff:")) {
                return Long.parseUnsignedLong(line.substring(7).strip(), 16);
            }
        }
        throw new IllegalArgumentException("no CapEff line");
    }

    private Unsupported checkTracepoint(String target) {
        for (String tracefs : List.of("sys/kernel/tracing", "sys/kernel/debug/tracing")) {
            if (exists(tracefs + "/events")) {
                return exists(tracefs + "/events/" + target + "/id") ? null
                        : new Unsupported("tracepoint " + target, "tracepoint " + target + " does not exist on this kernel");
            }
        }
        return new Unsupported("tracepoint " + target,
                "tracepoint: tracefs is not mounted (mount -t tracefs nodev /sys/kernel/tracing)");
    }

    private boolean exists(String relative) {
        return Files.exists(root.resolve(relative));
    }
}
