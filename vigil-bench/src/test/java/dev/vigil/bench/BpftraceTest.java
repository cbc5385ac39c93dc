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
}
