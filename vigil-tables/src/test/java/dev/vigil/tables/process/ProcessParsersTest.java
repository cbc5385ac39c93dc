package dev.vigil.tables.process;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessParsersTest {

    @Test
    void statOfARealProcess() {
        ProcessStat stat = ProcessStat.parse(Fixtures.text("sleep-stat.txt"));
        assertThat(stat).isEqualTo(new ProcessStat("sleep", "S", 5817, 5814, 4194304, 0, 0, 0, 1, 43375));
        assertThat(stat.isKernelThread()).isFalse();
    }

    @Test
    void statWithSpacesAndParenthesesInTheCommandName() {
        String line = "77 (a) b (c)) R 1 77 77 0 -1 4194304 0 0 0 0 250 31 0 0 20 -5 4 0 1234 0 0 0\n";
        ProcessStat stat = ProcessStat.parse(line);
        assertThat(stat.comm()).isEqualTo("a) b (c)");
        assertThat(stat.state()).isEqualTo("R");
        assertThat(stat.userTicks()).isEqualTo(250);
        assertThat(stat.systemTicks()).isEqualTo(31);
        assertThat(stat.nice()).isEqualTo(-5);
        assertThat(stat.threads()).isEqualTo(4);
        assertThat(stat.startTicks()).isEqualTo(1234);
    }

    @Test
    void statOfAKernelThread() {
        ProcessStat stat = ProcessStat.parse(Fixtures.text("kthread-stat.txt"));
        assertThat(stat.comm()).isEqualTo("kthreadd");
        assertThat(stat.parent()).isZero();
        assertThat(stat.isKernelThread()).isTrue();
    }

    @Test
    void malformedStatIsRejectedWithTheText() {
        assertThatThrownBy(() -> ProcessStat.parse("garbage")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("garbage");
        assertThatThrownBy(() -> ProcessStat.parse("1 (x) S 1 2")).hasMessageContaining("too few fields");
    }

    @Test
    void status() {
        ProcessStatus status = ProcessStatus.parse(Fixtures.text("sleep-status.txt"));
        assertThat(status.name()).isEqualTo("sleep");
        assertThat(status.uids()).containsExactly(1000, 1001, 1002, 1003);
        assertThat(status.gids()).containsExactly(100, 101, 102, 103);
        assertThat(status.vmSizeKb()).isEqualTo(2920);
        assertThat(status.vmRssKb()).isEqualTo(1792);
        assertThat(status.vmLckKb()).isEqualTo(4);
        assertThat(ProcessStatus.bytes(status.vmRssKb())).isEqualTo(1792L * 1024);
    }

    @Test
    void kernelThreadsHaveNoMemorySizes() {
        ProcessStatus status = ProcessStatus.parse(Fixtures.text("kthread-status.txt"));
        assertThat(status.name()).isEqualTo("kthreadd");
        assertThat(status.vmRssKb()).isNull();
        assertThat(status.vmSizeKb()).isNull();
        assertThat(ProcessStatus.bytes(null)).isNull();
    }

    @Test
    void io() {
        ProcessIo io = ProcessIo.parse(Fixtures.text("sleep-io.txt"));
        assertThat(io).isEqualTo(new ProcessIo(4096L, 12288L, 4096L));
        assertThat(io.netWriteBytes()).isEqualTo(8192L);
        assertThat(ProcessIo.parse("").netWriteBytes()).isNull();
    }

    @Test
    void cmdlineJoinsArgumentsWithSpaces() {
        byte[] bytes = "sleep\u0000300\u0000--marker x\u0000".getBytes(StandardCharsets.UTF_8);
        assertThat(ProcessText.cmdline(bytes)).isEqualTo("sleep 300 --marker x");
        assertThat(ProcessText.cmdline(new byte[0])).isEmpty();
    }

    @Test
    void cgroupPrefersTheV2Line() {
        assertThat(ProcessText.cgroupPath(Fixtures.text("cgroup-hybrid.txt"))).isEqualTo("/");
        assertThat(ProcessText.cgroupPath(Fixtures.text("cgroup-v2.txt")))
                .isEqualTo("/user.slice/user-1000.slice/session-3.scope");
        assertThat(ProcessText.cgroupPath(Fixtures.text("cgroup-v1.txt"))).isEqualTo("/user.slice/user-1000.slice");
        assertThat(ProcessText.cgroupPath("0::/a:b:c\n")).isEqualTo("/a:b:c");
        assertThat(ProcessText.cgroupPath("nonsense\n")).isNull();
    }

    @Test
    void bootTimeFromSystemStat() {
        assertThat(SystemStat.bootTime("cpu  1 2 3\nintr 5\nbtime 1795883732\nprocesses 9\n")).isEqualTo(1795883732L);
        assertThat(SystemStat.bootTime("cpu 1\n")).isNull();
    }

    @Test
    void memoryMap() {
        List<MemoryMapping> maps = MemoryMapping.parse(Fixtures.text("sleep-maps.txt"));
        assertThat(maps).hasSize(37);
        assertThat(maps.getFirst()).isEqualTo(new MemoryMapping("564512d50000", "564512d52000", "r--p", 0, "fe:00",
                260875, "/usr/bin/sleep"));
        assertThat(maps.get(1).offset()).isEqualTo(0x2000);
        assertThat(maps.get(1).permissions()).isEqualTo("r-xp");
        MemoryMapping heap = maps.get(5);
        assertThat(heap.path()).isEqualTo("[heap]");
        assertThat(heap.pseudo()).isTrue();
        MemoryMapping anonymous = maps.get(16);
        assertThat(anonymous.path()).isEmpty();
        assertThat(anonymous.pseudo()).isFalse();
        assertThat(maps.getFirst().pseudo()).isFalse();
        assertThat(maps).filteredOn(MemoryMapping::pseudo).extracting(MemoryMapping::path)
                .containsExactly("[heap]", "[vvar]", "[vvar_vclock]", "[vdso]", "[stack]", "[vsyscall]");
        assertThat(maps.getLast().start()).isEqualTo("ffffffffff600000");
    }

    @Test
    void memoryMapKeepsSpacesInPathsAndSkipsBadLines() {
        List<MemoryMapping> maps = MemoryMapping.parse(
                "7f00-7f10 rw-s 00000000 00:01 42     /memfd:my file (deleted)\nbroken line\n");
        assertThat(maps).singleElement().extracting(MemoryMapping::path).isEqualTo("/memfd:my file (deleted)");
    }

    @Test
    void environment() {
        byte[] bytes = "HOME=/root\u0000EMPTY=\u0000EQ=a=b\u0000NOEQUALS\u0000\u0000".getBytes(StandardCharsets.UTF_8);
        assertThat(EnvironmentVariable.parse(bytes)).containsExactly(
                new EnvironmentVariable("HOME", "/root"),
                new EnvironmentVariable("EMPTY", ""),
                new EnvironmentVariable("EQ", "a=b"),
                new EnvironmentVariable("NOEQUALS", ""));
        assertThat(EnvironmentVariable.parse(new byte[0])).isEmpty();
    }

    @Test
    void openFilesLeaveOutSocketsPipesAndAnonymousInodes() {
        assertThat(ProcessOpenFilesTable.isFile("/tmp/x")).isTrue();
        assertThat(ProcessOpenFilesTable.isFile("/memfd:x (deleted)")).isTrue();
        assertThat(ProcessOpenFilesTable.isFile("socket:[123]")).isFalse();
        assertThat(ProcessOpenFilesTable.isFile("pipe:[123]")).isFalse();
        assertThat(ProcessOpenFilesTable.isFile("anon_inode:[eventfd]")).isFalse();
    }
}
