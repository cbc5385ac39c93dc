package dev.vigil.sensors.process;

import dev.vigil.bpf.FeatureProbe;
import dev.vigil.bpf.HookKind;
import dev.vigil.sensors.EventStore;
import dev.vigil.sensors.EventStores;
import dev.vigil.sensors.HostRoots;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorStatus;
import dev.vigil.testkit.Requirements;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The process sensor on this kernel, against processes the test starts itself. */
class ProcessSensorTest {

    @BeforeEach
    void privileged() {
        Requirements.requireBpf();
    }

    @ParameterizedTest
    @EnumSource(value = HookKind.class, names = {"TP_BTF", "RAW_TRACEPOINT"})
    void childExecAndExitAreSeenWithArgvCwdAndExitCode(HookKind kind, @TempDir Path dir, @TempDir Path root) throws Exception {
        String marker = "vigil-test-" + UUID.randomUUID();
        List<ProcessEvent> live = new CopyOnWriteArrayList<>();
        try (ProcessSensor sensor = new ProcessSensor(EventStores.withDefaults(ProcessSensor.KINDS))) {
            sensor.start(SensorOptions.defaults(), HostRoots.forcing(root, kind, null), live::add);
            assertThat(sensor.status().state()).as(String.valueOf(sensor.status())).isEqualTo(SensorStatus.State.RUNNING);
            assertThat(sensor.status().hook()).isEqualTo(kind.sectionPrefix());

            Process child = new ProcessBuilder("/bin/sh", "-c", "exit 3", marker).directory(dir.toFile()).start();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(3);
            long pid = child.pid();

            assertThat(Requirements.waitFor(() -> find(live, ProcessEvent.Kind.EXIT, pid).isPresent())).isTrue();
            // The JDK starts children through jspawnhelper, which then execs the command in the same process.
            ProcessEvent exec = live.stream().filter(e -> e.type() == ProcessEvent.Kind.EXEC && e.pid() == pid
                    && e.image().argv().contains(marker)).findFirst().orElseThrow();
            assertThat(exec.ppid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(exec.image().argv()).containsExactly("/bin/sh", "-c", "exit 3", marker);
            assertThat(exec.image().cmdline()).isEqualTo("/bin/sh -c exit 3 " + marker);
            assertThat(exec.image().path()).isEqualTo(Path.of("/bin/sh").toRealPath().toString());
            assertThat(exec.image().cwd()).isEqualTo(dir.toRealPath().toString());
            assertThat(exec.credentials().uid()).isEqualTo(uid());
            assertThat(exec.image().argvTruncated()).isFalse();
            assertThat(exec.executable()).isNotNull();
            assertThat(exec.executable().mode()).startsWith("010");

            ProcessEvent exit = find(live, ProcessEvent.Kind.EXIT, pid).orElseThrow();
            assertThat(exit.exitCode()).isEqualTo(3);
            assertThat(exit.waitStatus()).isEqualTo(3 << 8);
            assertThat(exit.durationNanos()).isPositive();
            assertThat(exit.image()).isEqualTo(exec.image());
            assertThat(exit.monotonicNanos()).isGreaterThanOrEqualTo(exec.monotonicNanos());

            assertThat(live.stream().anyMatch(e -> e.type() == ProcessEvent.Kind.FORK && e.childPid() != null
                    && e.childPid() == pid && e.pid() == ProcessHandle.current().pid())).isTrue();
            assertThat(sensor.stores().all()).extracting(EventStore.Stored::event).containsAll(List.of(exec, exit));
            SensorStatus status = sensor.status();
            assertThat(status.seen()).isPositive();
            assertThat(status.malformed()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = HookKind.class, names = {"TP_BTF", "RAW_TRACEPOINT"})
    void executedFileIsTheInodeThatRanEvenIfDeletedAtOnce(HookKind kind, @TempDir Path dir, @TempDir Path root) throws Exception {
        Path exe = dir.resolve("vigil-exe-" + UUID.randomUUID());
        Files.copy(Path.of("/bin/sleep"), exe);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-x---"));
        long mtime = 981_173_106; // 2001-02-03T04:05:06Z
        Files.setLastModifiedTime(exe, FileTime.from(Instant.ofEpochSecond(mtime)));
        Map<String, Object> before = Files.readAttributes(exe, "unix:ino,dev,uid,gid,ctime,lastAccessTime");
        List<ProcessEvent> live = new CopyOnWriteArrayList<>();
        try (ProcessSensor sensor = new ProcessSensor(EventStores.withDefaults(ProcessSensor.KINDS))) {
            sensor.start(SensorOptions.defaults(), HostRoots.forcing(root, kind, null), live::add);
            assertThat(sensor.status().state()).as(String.valueOf(sensor.status())).isEqualTo(SensorStatus.State.RUNNING);
            // start() returns once the child has exec'd: the file is deleted while it runs, before the event is read
            Process child = new ProcessBuilder(exe.toString(), "0.3").start();
            Files.delete(exe);
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long pid = child.pid();
            // the child execs jspawnhelper first, then the copy
            Predicate<ProcessEvent> ofCopy = e -> e.type() == ProcessEvent.Kind.EXEC && e.pid() == pid
                    && e.image().path().endsWith("/" + exe.getFileName());
            assertThat(Requirements.waitFor(() -> live.stream().anyMatch(ofCopy))).as(String.valueOf(sensor.status())).isTrue();
            ProcessEvent exec = live.stream().filter(ofCopy).findFirst().orElseThrow();
            ProcessEvent.ExecutableFile file = exec.executable();
            assertThat(file.mode()).isEqualTo("0100750");
            assertThat(file.mtime()).isEqualTo(mtime);
            assertThat(file.ctime()).isEqualTo(((FileTime) before.get("ctime")).toInstant().getEpochSecond());
            assertThat(file.atime()).isGreaterThanOrEqualTo(((FileTime) before.get("lastAccessTime")).toInstant().getEpochSecond());
            assertThat(file.ownerUid()).isEqualTo(((Integer) before.get("uid")).longValue());
            assertThat(file.ownerGid()).isEqualTo(((Integer) before.get("gid")).longValue());
            assertThat(file.inode()).isEqualTo((Long) before.get("ino"));
            assertThat(file.device()).isEqualTo((Long) before.get("dev"));
            assertThat(file.btime()).as("the path names no file any more").isNull();
        }
    }

    @Test
    void executedFileHasItsBirthTimeWhileItsPathStillNamesIt() throws Exception {
        Path shm = Path.of("/dev/shm"); // tmpfs keeps birth times; this machine's ext4 does not
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm");
        Path exe = Files.createTempFile(shm, "vigil-exe-", "");
        try {
            Files.copy(Path.of("/bin/sleep"), exe, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
            Files.setLastModifiedTime(exe, FileTime.from(Instant.ofEpochSecond(981_173_106)));
            ProcessSensor.Birth birth = ProcessSensor.stat(exe.toString());
            assumeTrue(birth != null && birth.btime() != null, "this kernel's tmpfs keeps no birth time");
            List<ProcessEvent> live = new CopyOnWriteArrayList<>();
            try (ProcessSensor sensor = new ProcessSensor(EventStores.withDefaults(ProcessSensor.KINDS))) {
                sensor.start(SensorOptions.defaults(), new FeatureProbe(), live::add);
                Process child;
                try {
                    child = new ProcessBuilder(exe.toString(), "0.1").start();
                } catch (java.io.IOException noexec) {
                    assumeTrue(false, "/dev/shm does not allow exec: " + noexec.getMessage());
                    return;
                }
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
                long pid = child.pid();
                Predicate<ProcessEvent> ofCopy = e -> e.type() == ProcessEvent.Kind.EXEC
                        && e.pid() == pid && e.image().path().equals(exe.toString());
                assertThat(Requirements.waitFor(() -> live.stream().anyMatch(ofCopy))).as(String.valueOf(sensor.status())).isTrue();
                ProcessEvent.ExecutableFile file = live.stream().filter(ofCopy).findFirst().orElseThrow().executable();
                assertThat(file.mode()).isEqualTo("0100700");
                assertThat(file.mtime()).isEqualTo(981_173_106L);
                assertThat(file.btime()).isEqualTo(birth.btime());
            }
        } finally {
            Files.deleteIfExists(exe);
        }
    }

    @Test
    void tinyRingBufferAccountsForEveryEvent() throws Exception {
        try (ProcessSensor sensor = new ProcessSensor(EventStores.withDefaults(ProcessSensor.KINDS))) {
            // A reader that keeps up would drop nothing (it did, once, on a busy machine): with no wakeups (the batch is
            // larger than the ring) and a 2 s poll timeout it sleeps while the storm fills the 4 KiB ring.
            SensorOptions defaults = SensorOptions.defaults();
            SensorOptions sleepy = new SensorOptions(defaults.eventsMax(), defaults.eventsExpiry(), 4096, 1 << 20,
                    Duration.ofSeconds(2), false, false, Set.of(), true);
            sensor.start(sleepy, new FeatureProbe(), e -> { });
            assertThat(sensor.status().state()).isEqualTo(SensorStatus.State.RUNNING);
            Process storm = new ProcessBuilder("/bin/sh", "-c", "for i in $(seq 200); do /bin/true a b c; done").start();
            assertThat(storm.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            sensor.setLowLatency(true);
            assertThat(Requirements.waitFor(() -> {
                SensorStatus s = sensor.status();
                return s.delivered() + s.dropped() + s.malformed() == s.seen();
            })).as(String.valueOf(sensor.status())).isTrue();
            SensorStatus s = sensor.status();
            assertThat(s.dropped()).as("a 4 KiB ring buffer overflows under 200 execs: %s", s).isPositive();
            assertThat(s.delivered() + s.dropped()).isEqualTo(s.seen());
        }
    }

    @Test
    void execStormWithDefaultsLosesNothing() throws Exception {
        int execs = 2000;
        String marker = "vigil-storm-" + UUID.randomUUID();
        try (ProcessSensor sensor = new ProcessSensor(EventStores.withDefaults(ProcessSensor.KINDS))) {
            sensor.start(SensorOptions.defaults(), new FeatureProbe(), e -> { });
            Process storm = new ProcessBuilder("/bin/sh", "-c",
                    "i=0; while [ $i -lt " + execs + " ]; do /bin/true " + marker + "; i=$((i+1)); done").start();
            assertThat(storm.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Requirements.waitFor(() -> sensor.stores().all().stream().filter(s -> s.event().type() == ProcessEvent.Kind.EXEC
                    && s.event().image().argv().contains(marker)).count() == execs)).as(String.valueOf(sensor.status())).isTrue();
            SensorStatus status = sensor.status();
            assertThat(status.dropped()).isZero();
            assertThat(status.malformed()).isZero();
        }
    }

    private static Optional<ProcessEvent> find(List<ProcessEvent> events, ProcessEvent.Kind kind, long pid) {
        return events.stream().filter(e -> e.type() == kind && e.pid() == pid).findFirst();
    }

    static long uid() throws Exception {
        return ((Integer) java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    }
}
