package dev.vigil.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * One program of a {@link BpfObject}; a view whose lifetime is the object's. Each attach method returns a
 * {@link BpfLink} that the caller owns (the object also destroys it when closed). Same threading rules as the
 * object.
 */
public final class BpfProgram {
    private final BpfObject object;
    private final String name;
    private final MemorySegment handle;

    BpfProgram(BpfObject object, String name, MemorySegment handle) {
        this.object = object;
        this.name = name;
        this.handle = handle;
    }

    public String name() {
        return name;
    }

    /** Chooses whether {@link BpfObject#load()} loads this program; call before loading. */
    public void setAutoload(boolean autoload) throws BpfException {
        object.handle();
        int rc;
        try {
            rc = (int) Libbpf.PROGRAM_SET_AUTOLOAD.invokeExact(handle, autoload);
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
        if (rc < 0) {
            throw new BpfException("setting autoload of program", name, -rc, null);
        }
    }

    /**
     * Attaches by the program's ELF section ({@code tp_btf/sched_process_exec}, {@code raw_tp/...},
     * {@code tracepoint/cat/name}, {@code fentry/...}, {@code kprobe/...}). Bare {@code uprobe} sections need
     * {@link #attachUprobe}.
     */
    public BpfLink attach() throws BpfException {
        return link("attaching program", name, (state, call) ->
                (MemorySegment) Libbpf.PROGRAM_ATTACH.invokeExact(state, handle));
    }

    /** Attaches to the classic tracepoint {@code category/event} (needs tracefs). */
    public BpfLink attachTracepoint(String category, String event) throws BpfException {
        return link("attaching tracepoint", category + "/" + event + " (program " + name + ")", (state, call) ->
                (MemorySegment) Libbpf.ATTACH_TRACEPOINT.invokeExact(state, handle,
                        call.allocateFrom(category), call.allocateFrom(event)));
    }

    /** Attaches to the raw tracepoint of this name, such as {@code sched_process_exec}. */
    public BpfLink attachRawTracepoint(String tracepoint) throws BpfException {
        return link("attaching raw tracepoint", tracepoint + " (program " + name + ")", (state, call) ->
                (MemorySegment) Libbpf.ATTACH_RAW_TRACEPOINT.invokeExact(state, handle, call.allocateFrom(tracepoint)));
    }

    /** Attaches a kprobe or kretprobe to the kernel function; ENOENT where the kernel has no kprobes. */
    public BpfLink attachKprobe(String function, boolean retprobe) throws BpfException {
        return link(retprobe ? "attaching kretprobe" : "attaching kprobe", function, (state, call) ->
                (MemorySegment) Libbpf.ATTACH_KPROBE.invokeExact(state, handle, retprobe, call.allocateFrom(function)));
    }

    /**
     * Attaches a uprobe (or uretprobe) to the function of an ELF binary or shared library, resolved by libbpf from
     * its symbol table. The probe binds to the file's inode: every process mapping that inode is traced.
     *
     * @param pid the process to trace, or -1 for all
     */
    public BpfLink attachUprobe(Path binary, String function, boolean retprobe, int pid) throws BpfException {
        String what = function + " to " + binary;
        return link(retprobe ? "attaching uretprobe" : "attaching uprobe", what, (state, call) -> {
            // struct bpf_uprobe_opts (libbpf.h): size_t sz; size_t ref_ctr_offset; __u64 bpf_cookie;
            // bool retprobe at 24; const char *func_name at 32; 40 bytes in libbpf 1.1.
            MemorySegment opts = call.allocate(Libbpf.UPROBE_OPTS_SIZE, 8);
            opts.set(ValueLayout.JAVA_LONG, 0, Libbpf.UPROBE_OPTS_SIZE);
            opts.set(ValueLayout.JAVA_BOOLEAN, Libbpf.UPROBE_OPTS_RETPROBE, retprobe);
            opts.set(ValueLayout.ADDRESS, Libbpf.UPROBE_OPTS_FUNC_NAME, call.allocateFrom(function));
            return (MemorySegment) Libbpf.ATTACH_UPROBE_OPTS.invokeExact(state, handle, pid,
                    call.allocateFrom(binary.toString()), 0L, opts);
        });
    }

    /**
     * Attaches a {@code perf_event} program to a software CPU-clock sampler on one CPU (every process running
     * there), firing about frequencyHz times a second; the link owns the perf event.
     */
    public BpfLink attachCpuSampler(int cpu, int frequencyHz) throws BpfException {
        int fd = PerfEvents.openCpuClockSampler(cpu, frequencyHz);
        try {
            return link("attaching perf event", "cpu-clock sampler on cpu " + cpu + " (program " + name + ")",
                    (state, call) -> (MemorySegment) Libbpf.ATTACH_PERF_EVENT.invokeExact(state, handle, fd));
        } catch (BpfException | RuntimeException e) {
            PerfEvents.close(fd);
            throw e;
        }
    }

    private interface AttachCall {
        MemorySegment attach(MemorySegment callState, Arena call) throws Throwable;
    }

    private BpfLink link(String operation, String target, AttachCall attachCall) throws BpfException {
        object.handle();
        MemorySegment link;
        int errno;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(Libbpf.CALL_STATE_SIZE);
            LibbpfLog.clearRecent();
            link = attachCall.attach(state, call);
            errno = Libbpf.errno(state);
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
        if (link.equals(MemorySegment.NULL)) {
            throw new BpfException(operation, target, errno, LibbpfLog.recent());
        }
        BpfLink result = new BpfLink(object, operation.replace("attaching ", "") + " " + target, link);
        object.register(result);
        return result;
    }

    @Override
    public String toString() {
        return "BpfProgram[" + name + " in " + object.name() + "]";
    }
}
