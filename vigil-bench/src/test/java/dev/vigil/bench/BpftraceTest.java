package dev.vigil.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BpftraceTest {

    @Test
    void countsTheProbesBpftoolPerfListsForOnePid() {
        String perf = """
                pid 3273  fd 9: prog_id 2649  uretprobe  filename /lib/x86_64-linux-gnu/libc.so.6  offset 982128
                pid 3273  fd 12: prog_id 2650  uprobe  filename /lib/x86_64-linux-gnu/libc.so.6  offset 982128
                pid 32730  fd 4: prog_id 2651  tracepoint  sched_process_exec
                """;
        assertThat(Bpftrace.attachedProbes(perf, 3273)).isEqualTo(2);
        assertThat(Bpftrace.attachedProbes(perf, 32730)).isEqualTo(1);
        assertThat(Bpftrace.attachedProbes(perf, 327)).isZero();
        assertThat(Bpftrace.attachedProbes("", 3273)).isZero();
    }

    @Test
    void readsEveryPrintOfACountMapInOrder() {
        String output = """
                Attaching 2 probes...
                @calls: 1000
                @returns: 999


                @calls: 1500
                @returns: 1500
                """;
        assertThat(Bpftrace.mapCounts(output, "calls")).containsExactly(1000L, 1500L);
        assertThat(Bpftrace.mapCounts(output, "returns")).containsExactly(999L, 1500L);
        assertThat(Bpftrace.mapCounts(output, "call")).isEmpty();
        assertThat(Bpftrace.mapCounts("Attaching 2 probes...\n", "calls")).isEmpty();
    }
}
