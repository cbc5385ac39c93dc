package dev.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) a process has used, from {@code /proc/<pid>/stat} (proc(5): utime and stime, fields 14
 * and 15, in clock ticks). For tracers that are not this JVM.
 */
final class ProcessCpu {
    private final Path procRoot;
    private final long ticksPerSecond;

    /**
     * @param ticksPerSecond sysconf(_SC_CLK_TCK); 100 on every Linux architecture Vigil runs on
     */
    ProcessCpu(Path procRoot, long ticksPerSecond) {
        this.procRoot = procRoot;
        this.ticksPerSecond = ticksPerSecond;
    }

    static ProcessCpu host() {
        return new ProcessCpu(Path.of("/proc"), 100);
    }

    /** CPU nanoseconds used so far by pid; throws if the process is gone. */
    long nanos(long pid) throws IOException {
        return parseTicks(Files.readString(procRoot.resolve(pid + "/stat"))) * 1_000_000_000L / ticksPerSecond;
    }

    /**
     * utime + stime in ticks from one stat line. The comm field (2) is in parentheses and may itself hold spaces
     * and parentheses, so fields are counted from the last ')'.
     */
    static long parseTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        // after ") " come fields 3 (state), 4, ...; utime is field 14, stime 15
        String[] fields = stat.substring(close + 2).strip().split(" ");
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    /** The pid of the kernel thread or process whose comm is exactly name, or -1. */
    long pidOf(String name) throws IOException {
        try (var entries = Files.list(procRoot)) {
            for (Path dir : (Iterable<Path>) entries::iterator) {
                String pid = dir.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (Files.readString(dir.resolve("comm")).strip().equals(name)) {
                        return Long.parseLong(pid);
                    }
                } catch (IOException gone) {
                    // the process exited while we looked
                }
            }
        }
        return -1;
    }
}
