package dev.vigil.bpf;

/**
 * The ways a BPF program can hook the kernel or a user-space function, each with the ELF section prefix libbpf
 * uses for it. A sensor lists the kinds it has programs for, best first, and {@link FeatureProbe} picks one.
 */
public enum HookKind implements HookChoice {
    /** {@code fentry/}: BTF trampolines (kernel 5.5+, BTF; some kernels refuse them with EPERM at load). */
    FENTRY("fentry"),
    /** {@code kprobe/}: dynamic kernel probes (CONFIG_KPROBE_EVENTS). */
    KPROBE("kprobe"),
    /** {@code tp_btf/}: BTF-typed raw tracepoints (kernel 5.5+, BTF); needs no tracefs. */
    TP_BTF("tp_btf"),
    /** {@code raw_tp/}: raw tracepoints (kernel 4.17+); needs no tracefs. */
    RAW_TRACEPOINT("raw_tp"),
    /** {@code tracepoint/}: classic tracepoints; needs tracefs mounted to resolve their ids. */
    TRACEPOINT("tracepoint"),
    /**
     * uprobe_multi links (kernel 6.6+): user-space probes attached with bpf(BPF_LINK_CREATE) instead of a perf
     * event, cheaper per hit (no perf-event plumbing); the programs are {@code uprobe} sections loaded with the
     * expected attach type {@link BpfProgram#UPROBE_MULTI}.
     */
    UPROBE_MULTI("uprobe_multi"),
    /** {@code uprobe/}, {@code uretprobe/}: dynamic user-space probes through perf events (CONFIG_UPROBE_EVENTS). */
    UPROBE("uprobe");

    private final String sectionPrefix;

    HookKind(String sectionPrefix) {
        this.sectionPrefix = sectionPrefix;
    }

    /** The ELF section prefix, such as {@code tp_btf}; lower-case name shown to users. */
    public String sectionPrefix() {
        return sectionPrefix;
    }

    @Override
    public String toString() {
        return sectionPrefix;
    }
}
