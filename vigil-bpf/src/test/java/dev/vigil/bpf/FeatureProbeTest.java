package dev.vigil.bpf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hook choice on fake system roots. */
class FeatureProbeTest {
    private static final String ROOT_CAPS = "Name:\tjava\nCapEff:\t000001ffffffffff\n";
    private static final String NO_CAPS = "Name:\tjava\nCapEff:\t0000000000000000\n";

    @Test
    void unprivilegedProcessGetsUnsupportedWithReason(@TempDir Path root) throws IOException {
        write(root, "proc/self/status", NO_CAPS);
        HookChoice choice = new FeatureProbe(root).choose(List.of(HookKind.TP_BTF, HookKind.RAW_TRACEPOINT), "sched_process_exec");
        assertThat(choice).isInstanceOfSatisfying(Unsupported.class,
                u -> assertThat(u.reason()).contains("CAP_BPF"));
    }

    @Test
    void capBpfWithPerfmonIsEnough() {
        long caps = FeatureProbe.effectiveCapabilities("CapEff:\t000000c000000000\n");
        assertThat(caps).isEqualTo((1L << 38) | (1L << 39));
    }

    @Test
    void prefersBtfTracepointWhenKernelHasBtf(@TempDir Path root) throws IOException {
        write(root, "proc/self/status", ROOT_CAPS);
        write(root, "sys/kernel/btf/vmlinux", "");
        assertThat(new FeatureProbe(root).choose(List.of(HookKind.FENTRY, HookKind.TP_BTF), "x")).isEqualTo(HookKind.FENTRY);
        assertThat(new FeatureProbe(root).choose(List.of(HookKind.KPROBE, HookKind.TP_BTF), "x")).isEqualTo(HookKind.TP_BTF);
    }

    @Test
    void classicTracepointNeedsTracefs(@TempDir Path root) throws IOException {
        write(root, "proc/self/status", ROOT_CAPS);
        HookChoice none = new FeatureProbe(root).choose(List.of(HookKind.TRACEPOINT, HookKind.KPROBE), "syscalls/sys_enter_connect");
        assertThat(none).isInstanceOfSatisfying(Unsupported.class, u -> assertThat(u.reason())
                .contains("tracefs is not mounted").contains("kprobe PMU"));

        write(root, "sys/kernel/tracing/events/syscalls/sys_enter_connect/id", "600\n");
        assertThat(new FeatureProbe(root).choose(List.of(HookKind.TRACEPOINT), "syscalls/sys_enter_connect"))
                .isEqualTo(HookKind.TRACEPOINT);
        assertThat(new FeatureProbe(root).check(HookKind.TRACEPOINT, "syscalls/sys_enter_nope").reason())
                .contains("does not exist");
    }

    @Test
    void rawTracepointNeedsOnlyPrivileges(@TempDir Path root) throws IOException {
        write(root, "proc/self/status", ROOT_CAPS);
        assertThat(new FeatureProbe(root).check(HookKind.RAW_TRACEPOINT, "sys_enter")).isNull();
        assertThat(new FeatureProbe(root).check(HookKind.UPROBE, "getaddrinfo")).isNotNull();
    }

    @Test
    void uprobeMultiNeedsUprobesAndKernel66(@TempDir Path root) throws IOException {
        write(root, "proc/self/status", ROOT_CAPS);
        write(root, "proc/sys/kernel/osrelease", "6.18.0-vigil\n");
        assertThat(new FeatureProbe(root).check(HookKind.UPROBE_MULTI, "getaddrinfo").reason()).contains("uprobe PMU");
        write(root, "sys/bus/event_source/devices/uprobe/type", "7\n");
        assertThat(new FeatureProbe(root).check(HookKind.UPROBE_MULTI, "getaddrinfo")).isNull();
        write(root, "proc/sys/kernel/osrelease", "6.1.0-26-amd64\n");
        assertThat(new FeatureProbe(root).check(HookKind.UPROBE_MULTI, "getaddrinfo").reason())
                .contains("needs kernel 6.6 or newer (this is 6.1.0-26-amd64)");
        assertThat(new FeatureProbe(root).choose(List.of(HookKind.UPROBE_MULTI, HookKind.UPROBE), "getaddrinfo"))
                .isEqualTo(HookKind.UPROBE);
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
