package dev.vigil.tables.process;

import dev.vigil.sql.spi.Constraint;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.Row;
import dev.vigil.testkit.HostCommand;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.vigil.tables.process.ProcessesTable.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The process tables on this host, checked against a child process the test starts and against ps(1). */
class ProcessTablesHostTest {
    private static SleepingChild child;

    @BeforeAll
    static void startChild() throws Exception {
        child = new SleepingChild().awaitExec();
    }

    @AfterAll
    static void killChild() throws Exception {
        if (child != null) {
            child.close();
        }
    }

    @Test
    void processesRowOfTheChild() throws Exception {
        List<Row> rows = Scans.where(new ProcessesTable(HostPaths.live()), PID, child.pid());
        assertThat(rows).hasSize(1);
        Row row = rows.getFirst();
        // ps(1) prints: uid gid euid egid pgid ppid nice threads
        String[] ps = HostCommand.run("ps", "-o", "ruid=,rgid=,euid=,egid=,pgid=,ppid=,ni=,nlwp=,comm=",
                "-p", Long.toString(child.pid())).trim().split("\\s+");

        assertThat(row.get(PID)).isEqualTo(child.pid());
        assertThat(row.get(PARENT)).isEqualTo(ProcessHandle.current().pid());
        assertThat(row.get(PARENT)).isEqualTo(Long.parseLong(ps[5]));
        assertThat(row.get(NAME)).isEqualTo("sleep").isEqualTo(ps[8]);
        assertThat(row.get(PATH)).isEqualTo(child.executable.toString());
        assertThat(row.get(ON_DISK)).isEqualTo(1L);
        assertThat(row.get(CMDLINE)).isEqualTo(child.cmdline());
        assertThat(row.get(CWD)).isEqualTo(child.directory.toString());
        assertThat(row.get(ROOT)).isEqualTo("/");
        assertThat(row.get(UID)).isEqualTo(Long.parseLong(HostCommand.run("id", "-u").trim()));
        assertThat(row.get(UID)).isEqualTo(Long.parseLong(ps[0]));
        assertThat(row.get(GID)).isEqualTo(Long.parseLong(ps[1]));
        assertThat(row.get(EUID)).isEqualTo(Long.parseLong(ps[2]));
        assertThat(row.get(EGID)).isEqualTo(Long.parseLong(ps[3]));
        assertThat(row.get(SUID)).isEqualTo(row.get(EUID));
        assertThat(row.get(SGID)).isEqualTo(row.get(EGID));
        assertThat(row.get(PGROUP)).isEqualTo(Long.parseLong(ps[4]));
        assertThat(row.get(NICE)).isEqualTo(Long.parseLong(ps[6]));
        assertThat(row.get(THREADS)).isEqualTo(1L).isEqualTo(Long.parseLong(ps[7]));
        assertThat(row.get(STATE)).isIn("S", "R");
        assertThat((Long) row.get(RESIDENT_SIZE)).isPositive();
        assertThat((Long) row.get(TOTAL_SIZE)).isGreaterThan((Long) row.get(RESIDENT_SIZE));
        assertThat(row.get(WIRED_SIZE)).isEqualTo(0L);
        assertThat((Long) row.get(USER_TIME)).isBetween(0L, 1000L);
        assertThat((Long) row.get(SYSTEM_TIME)).isBetween(0L, 1000L);
        assertThat((Long) row.get(DISK_BYTES_READ)).isNotNegative();
        assertThat(row.get(DISK_BYTES_WRITTEN)).isNotNull();
        // btime is rounded to the second and the tick clock drifts from wall time a little.
        long now = System.currentTimeMillis() / 1000;
        assertThat((Long) row.get(START_TIME)).isBetween(child.startedAfterEpochSecond - 3, now + 3);
        String cgroupV2 = HostCommand.run("cat", "/proc/" + child.pid() + "/cgroup").lines()
                .filter(l -> l.startsWith("0::")).findFirst().map(l -> l.substring(3)).orElse(null);
        if (cgroupV2 != null) {
            assertThat(row.get(CGROUP_PATH)).isEqualTo(cgroupV2);
        }
    }

    @Test
    void pidInListReadsOnlyThoseProcesses() throws Exception {
        long self = ProcessHandle.current().pid();
        List<Row> rows = Scans.where(new ProcessesTable(HostPaths.live()), PID, child.pid(), self, 999_999_999L);
        assertThat(rows).extracting(r -> r.get(PID)).containsExactlyInAnyOrder(child.pid(), self);
    }

    @Test
    void unusedCostlyColumnsAreNotRead() throws Exception {
        List<Row> rows = Scans.scan(new ProcessesTable(HostPaths.live()),
                List.of(new Constraint(PID, Constraint.Op.EQ, child.pid())), List.of(PID, NAME));
        Row row = rows.getFirst();
        assertThat(row.get(NAME)).isEqualTo("sleep");
        assertThat(row.get(CMDLINE)).isNull();
        assertThat(row.get(CWD)).isNull();
        assertThat(row.get(PATH)).isNull();
        assertThat(row.get(DISK_BYTES_READ)).isNull();
        assertThat(row.get(CGROUP_PATH)).isNull();
    }

    @Test
    void fullScanSeesTheChildAndThisJvm() throws Exception {
        List<Row> rows = Scans.all(new ProcessesTable(HostPaths.live()));
        assertThat(rows).extracting(r -> r.get(PID)).contains(child.pid(), ProcessHandle.current().pid(), 1L);
        assertThat(rows).filteredOn(r -> r.get(PID).equals(child.pid())).singleElement()
                .extracting(r -> r.get(CMDLINE)).isEqualTo(child.cmdline());
    }

    @Test
    void memoryMapShowsTheChildsExecutable() throws Exception {
        List<Row> rows = Scans.where(new ProcessMemoryMapTable(HostPaths.live()), ProcessMemoryMapTable.PID,
                child.pid());
        assertThat(rows).filteredOn(r -> child.executable.toString().equals(r.get(ProcessMemoryMapTable.PATH)))
                .isNotEmpty()
                .anySatisfy(r -> assertThat((String) r.get(ProcessMemoryMapTable.PERMISSIONS)).contains("x"))
                .allSatisfy(r -> {
                    assertThat((String) r.get(ProcessMemoryMapTable.START)).startsWith("0x");
                    assertThat(r.get(ProcessMemoryMapTable.PSEUDO)).isEqualTo(0L);
                    assertThat(r.get(ProcessMemoryMapTable.INODE))
                            .isEqualTo(Files.getAttribute(child.executable, "unix:ino"));
                });
        assertThat(rows).filteredOn(r -> "[stack]".equals(r.get(ProcessMemoryMapTable.PATH))).singleElement()
                .extracting(r -> r.get(ProcessMemoryMapTable.PSEUDO)).isEqualTo(1L);
    }

    @Test
    void openFilesShowTheChildsRedirectedStdout() throws Exception {
        List<Row> rows = Scans.where(new ProcessOpenFilesTable(HostPaths.live()), ProcessOpenFilesTable.PID,
                child.pid());
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(ProcessOpenFilesTable.FD)).isEqualTo(1L);
            assertThat(r.get(ProcessOpenFilesTable.PATH)).isEqualTo(child.stdout.toString());
        });
        assertThat(rows).extracting(r -> (String) r.get(ProcessOpenFilesTable.PATH))
                .noneMatch(p -> p.startsWith("pipe:") || p.startsWith("socket:"));
    }

    @Test
    void envsShowTheMarkerVariable() throws Exception {
        List<Row> rows = Scans.where(new ProcessEnvsTable(HostPaths.live()), ProcessEnvsTable.PID, child.pid());
        assertThat(rows).filteredOn(r -> SleepingChild.MARKER_VARIABLE.equals(r.get(ProcessEnvsTable.KEY)))
                .singleElement().extracting(r -> r.get(ProcessEnvsTable.VALUE)).isEqualTo(child.marker);
    }

    @Test
    void deletedBinaryIsNotOnDiskAndLosesTheDeletedSuffix() throws Exception {
        Path directory = Files.createTempDirectory("vigil-deleted").toRealPath();
        Path copy = directory.resolve("vigil-sleep-copy");
        Files.copy(child.executable, copy);
        copy.toFile().setExecutable(true);
        Process process = new ProcessBuilder(copy.toString(), "300").start();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            Path exe = Path.of("/proc", Long.toString(process.pid()), "exe");
            while (!Files.readSymbolicLink(exe).equals(copy) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Row running = Scans.where(new ProcessesTable(HostPaths.live()), PID, process.pid()).getFirst();
            assertThat(running.get(ON_DISK)).isEqualTo(1L);
            Files.delete(copy);
            Row deleted = Scans.where(new ProcessesTable(HostPaths.live()), PID, process.pid()).getFirst();
            assertThat(deleted.get(PATH)).isEqualTo(copy.toString());
            assertThat(deleted.get(ON_DISK)).isEqualTo(0L);
        } finally {
            process.destroyForcibly().waitFor();
            Files.deleteIfExists(copy);
            Files.deleteIfExists(directory);
        }
    }
}
