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
    /** enum bpf_attach_type's BPF_TRACE_UPROBE_MULTI (uapi/linux/bpf.h). */
    public static final int UPROBE_MULTI = 48;
    private static final int BPF_LINK_CREATE = 28;
    private static final int BPF_F_UPROBE_MULTI_RETURN = 1;
    private static final long NR_BPF = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> 321;
        case "aarch64" -> 280;
        default -> -1;
    };
    /** union bpf_attr's link_create with its uprobe_multi member: the bytes passed (the kernel zeroes the rest). */
    private static final int LINK_CREATE_ATTR_SIZE = 64;

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
        Libbpf.checked("setting autoload of program", name,
                () -> (int) Libbpf.PROGRAM_SET_AUTOLOAD.invokeExact(handle, autoload));
    }

    /**
     * Sets the attach type the kernel verifies the program for, such as {@link #UPROBE_MULTI}; call before loading.
     */
    public void setExpectedAttachType(int attachType) throws BpfException {
        object.handle();
        Libbpf.checked("setting expected attach type of program", name,
                () -> (int) Libbpf.PROGRAM_SET_EXPECTED_ATTACH_TYPE.invokeExact(handle, attachType));
    }

    /**
     * Attaches through a uprobe_multi link (kernel 6.6+): the program runs at each file offset of the binary (on
     * return from the function there, if retprobe) in every process mapping the binary's inode. The program must
     * have been loaded with the expected attach type {@link #UPROBE_MULTI}. No perf event stands between the probe
     * and the program, so a hit costs less than with {@link #attachUprobe}. Offsets come from
     * {@link ElfSymbols#functionOffsets}.
     */
    public BpfLink attachUprobeMulti(Path binary, long[] offsets, boolean retprobe) throws BpfException {
        String what = (retprobe ? "uretprobe_multi " : "uprobe_multi ") + binary + " at " + offsets.length
                + " offset(s) (program " + name + ")";
        object.handle();
        if (NR_BPF < 0 || offsets.length == 0) {
            throw new BpfException("attaching", what, 22 /* EINVAL */, NR_BPF < 0 ? "unknown architecture" : "no offsets");
        }
        long fd;
        int errno;
        try (Arena call = Arena.ofConfined()) {
            int progFd = (int) Libbpf.PROGRAM_FD.invokeExact(handle);
            if (progFd < 0) {
                throw new BpfException("attaching", what, -progFd, "the program is not loaded");
            }
            MemorySegment attr = call.allocate(LINK_CREATE_ATTR_SIZE, 8);
            MemorySegment path = call.allocateFrom(binary.toString());
            MemorySegment offsetArray = call.allocateFrom(ValueLayout.JAVA_LONG, offsets);
            attr.set(ValueLayout.JAVA_INT, 0, progFd);                 // prog_fd
            attr.set(ValueLayout.JAVA_INT, 8, UPROBE_MULTI);           // attach_type
            attr.set(ValueLayout.JAVA_LONG, 16, path.address());       // uprobe_multi.path
            attr.set(ValueLayout.JAVA_LONG, 24, offsetArray.address()); // uprobe_multi.offsets
            attr.set(ValueLayout.JAVA_INT, 48, offsets.length);        // uprobe_multi.cnt
            attr.set(ValueLayout.JAVA_INT, 52, retprobe ? BPF_F_UPROBE_MULTI_RETURN : 0); // uprobe_multi.flags
            MemorySegment state = call.allocate(Libbpf.CALL_STATE_SIZE);
            fd = (long) Libbpf.SYSCALL_BPF.invokeExact(state, NR_BPF, BPF_LINK_CREATE, attr, LINK_CREATE_ATTR_SIZE);
            errno = Libbpf.errno(state);
        } catch (BpfException e) {
            throw e;
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
        if (fd < 0) {
            throw new BpfException("attaching", what, errno, null);
        }
        BpfLink result = new BpfLink(object, what, (int) fd);
        object.register(result);
        return result;
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
