package dev.vigil.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Opens perf events (perf_event_open(2)) for BPF programs of type perf_event: a software CPU-clock sampler on one
 * CPU, for every process, at a given frequency. The descriptor is handed straight to libbpf, whose link then owns
 * it ({@link BpfProgram#attachCpuSampler}).
 */
final class PerfEvents {
    /** x86-64 and arm64 syscall numbers of perf_event_open (asm/unistd_64.h, asm-generic/unistd.h). */
    private static final long NR_PERF_EVENT_OPEN = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> 298;
        case "aarch64" -> 241;
        default -> -1;
    };
    /** struct perf_event_attr (linux/perf_event.h): the first published layout, PERF_ATTR_SIZE_VER0 bytes. */
    static final int ATTR_SIZE = 64;
    private static final int PERF_TYPE_SOFTWARE = 1;
    private static final long PERF_COUNT_SW_CPU_CLOCK = 0;
    /** Bit 10 of the attr's flag word: sample_freq holds a frequency, not a period. */
    private static final long FLAG_FREQ = 1L << 10;
    private static final long PERF_FLAG_FD_CLOEXEC = 1L << 3;

    private PerfEvents() {
    }

    /** Opens a CPU-clock sampling event on the CPU for all processes; returns its descriptor. */
    static int openCpuClockSampler(int cpu, int frequencyHz) throws BpfException {
        if (NR_PERF_EVENT_OPEN < 0) {
            throw new BpfException("opening perf event", "cpu " + cpu + " (unsupported architecture)", Errno.ENOSYS, null);
        }
        try (Arena call = Arena.ofConfined()) {
            MemorySegment attr = call.allocate(ATTR_SIZE, 8);
            attr.set(ValueLayout.JAVA_INT, 0, PERF_TYPE_SOFTWARE);   // type
            attr.set(ValueLayout.JAVA_INT, 4, ATTR_SIZE);            // size
            attr.set(ValueLayout.JAVA_LONG, 8, PERF_COUNT_SW_CPU_CLOCK); // config
            attr.set(ValueLayout.JAVA_LONG, 16, frequencyHz);        // sample_freq
            attr.set(ValueLayout.JAVA_LONG, 40, FLAG_FREQ);          // flags: freq
            MemorySegment state = call.allocate(Libbpf.CALL_STATE_SIZE);
            long fd = (long) Libbpf.SYSCALL_PERF_EVENT_OPEN.invokeExact(state, NR_PERF_EVENT_OPEN, attr, -1, cpu, -1,
                    PERF_FLAG_FD_CLOEXEC);
            if (fd < 0) {
                throw new BpfException("opening perf event", "cpu-clock sampler on cpu " + cpu, Libbpf.errno(state), null);
            }
            return (int) fd;
        } catch (BpfException e) {
            throw e;
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) Libbpf.CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
    }
}
