package dev.vigil.sensors.process;

import dev.vigil.sensors.MalformedRecordException;
import dev.vigil.sensors.WallClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decoding of records captured from process.bpf.c on a real kernel (src/test/resources/records): a shell ran
 * {@code /bin/sh -c 'exit 3' vigil-fixture-arg} in /tmp. Needs no privileges.
 */
class ProcessRecordDecoderTest {
    private static final WallClock CLOCK = new WallClock(1_000_000_000_000L);
    private final ProcessRecordDecoder decoder = new ProcessRecordDecoder(CLOCK);

    @Test
    void execRecordGivesPathCwdArgvAndCredentials() throws Exception {
        ProcessEvent e = decoder.decode(fixture("exec-sh-exit3.bin"));
        assertThat(e.type()).isEqualTo(ProcessEvent.Kind.EXEC);
        assertThat(e.pid()).isEqualTo(0x24e7);
        assertThat(e.tid()).isEqualTo(0x24e7);
        assertThat(e.ppid()).isEqualTo(0x24e6);
        assertThat(e.comm()).isEqualTo("sh");
        assertThat(e.image().path()).isEqualTo("/usr/bin/dash");
        assertThat(e.image().cwd()).isEqualTo("/tmp");
        assertThat(e.image().argv()).containsExactly("/bin/sh", "-c", "exit 3", "vigil-fixture-arg");
        assertThat(e.image().cmdline()).isEqualTo("/bin/sh -c exit 3 vigil-fixture-arg");
        assertThat(e.image().argvTruncated()).isFalse();
        assertThat(e.credentials().uid()).isZero();
        assertThat(e.credentials().euid()).isZero();
        assertThat(e.credentials().auid()).isEqualTo(4294967295L);
        assertThat(e.cgroupId()).isPositive();
        assertThat(e.timeNanos()).isEqualTo(e.monotonicNanos() + 1_000_000_000_000L);
        assertThat(e.image().startNanos()).isPositive().isLessThan(e.monotonicNanos());
        // /usr/bin/dash's inode on the capturing machine: stat -c '%i %d %f %X %Y %Z' gave 260180 65024 81ed
        // 1795883734 1672924848 1672924848 (device 254:0, so 0xfe00 in st_dev's encoding)
        ProcessEvent.ExecutableFile file = e.executable();
        assertThat(file.mode()).isEqualTo("0100755");
        assertThat(file.ownerUid()).isZero();
        assertThat(file.ownerGid()).isZero();
        assertThat(file.inode()).isEqualTo(260180);
        assertThat(file.device()).isEqualTo(0xfe00);
        assertThat(file.atime()).isEqualTo(1795883734L);
        assertThat(file.mtime()).isEqualTo(1672924848L);
        assertThat(file.ctime()).isEqualTo(1672924848L);
        assertThat(file.btime()).isNull();
    }

    @Test
    void exitRecordDecodesTheWaitStatus() throws Exception {
        ProcessEvent e = decoder.decode(fixture("exit-status-768.bin"));
        assertThat(e.type()).isEqualTo(ProcessEvent.Kind.EXIT);
        assertThat(e.pid()).isEqualTo(0x24e7);
        assertThat(e.waitStatus()).isEqualTo(768);
        assertThat(e.exitCode()).isEqualTo(3);
        assertThat(e.termSignal()).isNull();
        assertThat(e.durationNanos()).isPositive();
        assertThat(e.image()).isNull();
    }

    @Test
    void forkRecordNamesParentAndChild() throws Exception {
        ProcessEvent e = decoder.decode(fixture("fork-sh.bin"));
        assertThat(e.type()).isEqualTo(ProcessEvent.Kind.FORK);
        assertThat(e.pid()).isEqualTo(0x24e6);
        assertThat(e.childPid()).isEqualTo(0x24e7);
        assertThat(e.comm()).isEqualTo("sh");
    }

    @Test
    void signalDeathHasNoExitCode() {
        ProcessEvent killed = new ProcessEvent(ProcessEvent.Kind.EXIT, 1, 1, 1, 1, 0,
                ProcessEvent.Credentials.of(0, 0), 0, "x", null, 9, 1L, null, null);
        assertThat(killed.exitCode()).isNull();
        assertThat(killed.termSignal()).isEqualTo(9);
    }

    @Test
    void truncatedAndUnknownRecordsAreRejected() throws Exception {
        byte[] exec = fixture("exec-sh-exit3.bin");
        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(exec, exec.length - 5)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("says");
        assertThatThrownBy(() -> decoder.decode(new byte[3])).isInstanceOf(MalformedRecordException.class);
        byte[] head = Arrays.copyOf(exec, 100);
        head[4] = (byte) 100;
        head[5] = 0;
        assertThatThrownBy(() -> decoder.decode(head)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("shorter than its");
        byte[] unknown = fixture("fork-sh.bin");
        unknown[0] = 42;
        assertThatThrownBy(() -> decoder.decode(unknown)).hasMessageContaining("unknown process record type 42");
        byte[] badLength = exec.clone();
        badLength[ProcessRecordDecoder.EXEC_ARGV_LEN] = 1;
        assertThatThrownBy(() -> decoder.decode(badLength)).hasMessageContaining("lengths out of range");
        byte[] pathPastEnd = exec.clone();
        pathPastEnd[ProcessRecordDecoder.EXEC_PATH_LEN] = (byte) 0xff;
        pathPastEnd[ProcessRecordDecoder.EXEC_PATH_LEN + 1] = (byte) 0xff;
        assertThatThrownBy(() -> decoder.decode(pathPastEnd)).hasMessageContaining("lengths out of range");
    }

    @Test
    void commWithoutNulIsKeptWhole() throws Exception {
        byte[] fork = fixture("fork-sh.bin");
        Arrays.fill(fork, ProcessRecordDecoder.FORK_COMM, ProcessRecordDecoder.FORK_COMM + 16, (byte) 'a');
        assertThat(decoder.decode(fork).comm()).isEqualTo("a".repeat(16));
    }

    @Test
    void kernelDevicesAreGivenInStatsEncoding() {
        assertThat(ProcessRecordDecoder.userDevice((8L << 20) | 1)).isEqualTo(0x801L);         // sda1: makedev(8, 1)
        assertThat(ProcessRecordDecoder.userDevice((259L << 20) | 0x12345)).isEqualTo(0x12310345L); // makedev(259, 0x12345)
        assertThat(ProcessRecordDecoder.userDevice(0)).isZero();
        assertThat(ProcessRecordDecoder.modeText(0100755)).isEqualTo("0100755");
        assertThat(ProcessRecordDecoder.modeText(040700)).isEqualTo("0040700");
    }

    @Test
    void pathComponentsAreJoinedRootFirst() {
        assertThat(ProcessRecordDecoder.path(List.of("dash", "bin", "usr", ""))).isEqualTo("/usr/bin/dash");
        assertThat(ProcessRecordDecoder.path(List.of())).isEqualTo("/");
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ProcessRecordDecoderTest.class.getResourceAsStream("/records/" + name)) {
            return in.readAllBytes();
        }
    }
}
