package dev.vigil.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTest {

    @Test
    void sumsUtimeAndStimeCountingFieldsFromTheLastParenthesis() {
        // comm "a) b (c" holds spaces and parentheses; utime 1234 and stime 56 are fields 14 and 15
        String stat = "42 (a) b (c) S 1 42 42 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 1 0 500 1000 50";
        assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(1290);
    }

    @Test
    void convertsTicksToNanosecondsAndFindsAPidByComm(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("7"));
        Files.writeString(proc.resolve("7/stat"), "7 (kauditd) S 2 0 0 0 -1 2129984 0 0 0 0 3 2 0 0 20 0 1 0 9\n");
        Files.writeString(proc.resolve("7/comm"), "kauditd\n");
        Files.createDirectories(proc.resolve("self"));
        ProcessCpu cpu = new ProcessCpu(proc, 100);
        assertThat(cpu.nanos(7)).isEqualTo(50_000_000L);
        assertThat(cpu.pidOf("kauditd")).isEqualTo(7);
        assertThat(cpu.pidOf("auditd")).isEqualTo(-1);
    }

    @Test
    void readsThisJvmsOwnCpuTime() throws Exception {
        long pid = ProcessHandle.current().pid();
        ProcessCpu cpu = ProcessCpu.host();
        long before = cpu.nanos(pid);
        long spin = System.nanoTime() + 300_000_000L;
        long sink = 0;
        while (System.nanoTime() < spin) {
            sink += sink * 31 + 7;
        }
        assertThat(cpu.nanos(pid) + (sink == 42 ? 1 : 0)).isGreaterThan(before);
    }
}
