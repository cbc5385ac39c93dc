package dev.vigil.bpf;

import dev.vigil.testkit.OpenDescriptors;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loads the test object into this kernel and attaches each hook kind; runs as root only. */
class BpfObjectTest {
    private static final MethodHandle GETPPID = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("getppid").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
    private static final RingBufferReader.Options FAST = new RingBufferReader.Options(Duration.ofMillis(10), "test-ringbuf");
    private static final List<String> PROGRAMS = List.of("on_raw_sys_enter", "on_tracepoint_getppid",
            "on_btf_sys_enter", "on_uprobe", "on_kprobe", "on_sample");

    @BeforeEach
    void privileged() {
        BpfTestObject.assumeBpfPrivileges();
    }

    /** Opens the test object with only the named program loaded, its target set to this process. */
    private static BpfObject load(String program) throws Exception {
        BpfObject object = BpfObject.open("probe_test", BpfTestObject.elf());
        try {
            for (String p : PROGRAMS) {
                object.program(p).setAutoload(p.equals(program));
            }
            object.load();
            object.map("target").update(BpfMap.intKey(0), BpfMap.intKey((int) ProcessHandle.current().pid()));
            return object;
        } catch (Exception e) {
            object.close();
            throw e;
        }
    }

    private record Event(int pid, int kind, long seq) {
        static Event of(MemorySegment r) {
            return new Event(r.get(ValueLayout.JAVA_INT_UNALIGNED, 0), r.get(ValueLayout.JAVA_INT_UNALIGNED, 4),
                    r.get(ValueLayout.JAVA_LONG_UNALIGNED, 8));
        }
    }

    @Test
    void uprobeSeesOurOwnLibcCallsThroughTheRingBuffer() throws Throwable {
        try (BpfObject object = load("on_uprobe")) {
            ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
            try (BpfLink link = object.program("on_uprobe").attachUprobe(BpfTestObject.libc(), "getppid", false, -1);
                 RingBufferReader reader = RingBufferReader.start(object.map("events"), r -> events.add(Event.of(r)), FAST)) {
                assertThat(link.description()).startsWith("uprobe getppid to /");
                for (int i = 0; i < 25; i++) {
                    int ignored = (int) GETPPID.invokeExact();
                }
                Requirements.waitFor(() -> events.size() >= 25);
                assertThat(events).hasSizeGreaterThanOrEqualTo(25)
                        .allSatisfy(e -> assertThat(e.kind()).isEqualTo(4))
                        .allSatisfy(e -> assertThat(e.pid()).isEqualTo(ProcessHandle.current().pid()));
                assertThat(object.map("counters").sumPerCpu(0)).isEqualTo(events.size());
                assertThat(reader.records()).isEqualTo(events.size());
            }
        }
    }

    @Test
    void btfAndRawTracepointsFireForOurSyscalls() throws Throwable {
        for (String program : List.of("on_btf_sys_enter", "on_raw_sys_enter")) {
            try (BpfObject object = load(program)) {
                BpfLink link = program.equals("on_btf_sys_enter") ? object.program(program).attach()
                        : object.program(program).attachRawTracepoint("sys_enter");
                int ignored = (int) GETPPID.invokeExact();
                assertThat(object.map("counters").sumPerCpu(0)).as(program).isPositive();
                link.close();
                assertThat(link.isOpen()).isFalse();
            }
        }
    }

    @Test
    void classicTracepointWhereTracefsIsMounted() throws Throwable {
        Unsupported why = new FeatureProbe().check(HookKind.TRACEPOINT, "syscalls/sys_enter_getppid");
        Requirements.require(why == null, String.valueOf(why));
        try (BpfObject object = load("on_tracepoint_getppid")) {
            object.program("on_tracepoint_getppid").attachTracepoint("syscalls", "sys_enter_getppid");
            for (int i = 0; i < 3; i++) {
                int ignored = (int) GETPPID.invokeExact();
            }
            assertThat(object.map("counters").sumPerCpu(0)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void cpuClockSamplerFiresOnEveryCpu() throws Throwable {
        try (BpfObject object = load("on_sample")) {
            int cpus = Runtime.getRuntime().availableProcessors();
            List<BpfLink> links = new ArrayList<>();
            for (int cpu = 0; cpu < cpus; cpu++) {
                links.add(object.program("on_sample").attachCpuSampler(cpu, 999));
            }
            long deadline = System.nanoTime() + 2_000_000_000L;
            long samples = 0;
            while (samples < 20 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                byte[] value = object.map("samples_seen").lookup(BpfMap.intKey(1));
                samples = java.nio.ByteBuffer.wrap(value).order(java.nio.ByteOrder.nativeOrder()).getLong(0);
            }
            assertThat(samples).as("samples at 999 Hz on %d CPUs", cpus).isGreaterThanOrEqualTo(20);
            links.forEach(BpfLink::close);
        }
    }

    @Test
    void tinyRingBufferCountsWhatItDrops() throws Throwable {
        try (BpfObject object = BpfObject.open("probe_test", BpfTestObject.elf())) {
            for (String p : PROGRAMS) {
                object.program(p).setAutoload(p.equals("on_uprobe"));
            }
            object.map("events").setMaxEntries(4096);
            object.load();
            object.map("target").update(BpfMap.intKey(0), BpfMap.intKey((int) ProcessHandle.current().pid()));
            object.program("on_uprobe").attachUprobe(BpfTestObject.libc(), "getppid", false, -1);
            for (int i = 0; i < 1000; i++) {
                int ignored = (int) GETPPID.invokeExact();
            }
            ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
            RingBufferReader.start(object.map("events"), r -> events.add(Event.of(r)), FAST);
            BpfMap counters = object.map("counters");
            long seen = counters.sumPerCpu(0);
            long dropped = counters.sumPerCpu(1);
            Requirements.waitFor(() -> events.size() + dropped >= seen);
            assertThat(seen).isGreaterThanOrEqualTo(1000);
            assertThat(dropped).isPositive();
            assertThat(events.size() + dropped).isEqualTo(seen);
            assertThat(counters.lookupPerCpuLongs(0)).hasSize(BpfMap.possibleCpus());
        }
    }

    @Test
    void handlerExceptionsAreCountedNotFatal() throws Throwable {
        try (BpfObject object = load("on_uprobe")) {
            object.program("on_uprobe").attachUprobe(BpfTestObject.libc(), "getppid", false, -1);
            RingBufferReader reader = RingBufferReader.start(object.map("events"), r -> {
                throw new IllegalStateException("bad record");
            }, FAST);
            for (int i = 0; i < 5; i++) {
                int ignored = (int) GETPPID.invokeExact();
            }
            Requirements.waitFor(() -> reader.handlerFailures() >= 5);
            assertThat(reader.handlerFailures()).isEqualTo(reader.records()).isGreaterThanOrEqualTo(5);
            assertThat(reader.failure()).isNull();
        }
    }

    @Test
    void errorsNameTheOperationTargetAndErrno() throws Exception {
        try (BpfObject object = load("on_uprobe")) {
            Path libc = BpfTestObject.libc();
            assertThatThrownBy(() -> object.program("on_uprobe").attachUprobe(libc, "no_such_function_vigil", true, -1))
                    .isInstanceOfSatisfying(BpfException.class, e -> {
                        assertThat(e.getMessage()).startsWith("attaching uretprobe no_such_function_vigil to " + libc + ": ENOENT");
                        assertThat(e.errnoName()).isEqualTo("ENOENT");
                    });
            assertThatThrownBy(() -> object.program("nope"))
                    .hasMessageStartingWith("finding program nope in probe_test: ENOENT");
            assertThatThrownBy(() -> object.map("nope")).hasMessageStartingWith("finding map nope in probe_test: ENOENT");
        }
        assertThatThrownBy(() -> BpfObject.open("garbage", new byte[] {1, 2, 3, 4}))
                .isInstanceOfSatisfying(BpfException.class, e -> assertThat(e.operation()).isEqualTo("opening BPF object"));
    }

    @Test
    void kprobeAttachFailsCleanlyWhereTheKernelHasNone() throws Exception {
        Unsupported why = new FeatureProbe().check(HookKind.KPROBE, "do_sys_openat2");
        try (BpfObject object = load("on_kprobe")) {
            if (why == null) {
                assertThat(object.program("on_kprobe").attach().isOpen()).isTrue();
            } else {
                assertThatThrownBy(() -> object.program("on_kprobe").attach())
                        .isInstanceOf(BpfException.class).hasMessageContaining("on_kprobe");
            }
        }
    }

    @Test
    void loadFailureQuotesLibbpf() throws Exception {
        byte[] elf = BpfTestObject.elf();
        try (BpfObject object = BpfObject.open("probe_test", elf)) {
            for (String p : PROGRAMS) {
                object.program(p).setAutoload(p.equals("on_uprobe"));
            }
            object.map("target").setMaxEntries(0); // the kernel refuses an array of no entries
            assertThatThrownBy(object::load).isInstanceOfSatisfying(BpfException.class, e -> {
                assertThat(e.getMessage()).startsWith("loading BPF object probe_test: EINVAL");
                assertThat(e.getMessage()).contains("target");
            });
        }
    }

    @Test
    void closingLeavesNoBpfFileDescriptors() throws Throwable {
        try (BpfObject warmUp = load("on_uprobe")) {
            warmUp.program("on_uprobe").attachUprobe(BpfTestObject.libc(), "getppid", false, -1);
        }
        List<String> before = OpenDescriptors.bpf();
        for (int round = 0; round < 3; round++) {
            BpfObject object = load("on_uprobe");
            object.program("on_uprobe").attachUprobe(BpfTestObject.libc(), "getppid", false, -1);
            object.program("on_uprobe").attachUprobe(BpfTestObject.libc(), "getppid", true, -1);
            RingBufferReader.start(object.map("events"), r -> { }, FAST);
            assertThat(OpenDescriptors.bpf()).hasSizeGreaterThan(before.size());
            object.close();
            object = load("on_sample");
            object.program("on_sample").attachCpuSampler(0, 99);
            assertThat(OpenDescriptors.bpf()).hasSizeGreaterThan(before.size());
            object.close();
            object.close();
        }
        assertThat(OpenDescriptors.bpf()).containsExactlyInAnyOrderElementsOf(before);
    }

}
