package dev.vigil.sensors;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which executable each process ran, by time, from the process sensor's exec events: lets the socket and DNS
 * tables name the executable of a process that exited before its event was read (when /proc no longer has it).
 * Remembers the last {@value #EXECS_PER_PID} execs of up to {@value #PIDS_MAX} processes (the least recently
 * updated are forgotten first). Thread-safe.
 */
public final class ExecutableIndex {
    static final int PIDS_MAX = 65_536;
    static final int EXECS_PER_PID = 4;

    private record Exec(long monotonicNanos, String path) {
    }

    private final Map<Integer, Deque<Exec>> byPid = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Deque<Exec>> eldest) {
            return size() > PIDS_MAX;
        }
    };

    /** Records that the process exec'd the path at this CLOCK_MONOTONIC time. */
    public synchronized void exec(int pid, long monotonicNanos, String path) {
        Deque<Exec> execs = byPid.computeIfAbsent(pid, p -> new ArrayDeque<>());
        execs.addLast(new Exec(monotonicNanos, path));
        while (execs.size() > EXECS_PER_PID) {
            execs.removeFirst();
        }
    }

    /** The executable the process ran at this CLOCK_MONOTONIC time (its latest exec before it), or null if unknown. */
    public synchronized String pathAt(int pid, long monotonicNanos) {
        Deque<Exec> execs = byPid.get(pid);
        if (execs == null) {
            return null;
        }
        String path = null;
        for (Exec e : execs) {
            if (e.monotonicNanos() <= monotonicNanos) {
                path = e.path();
            }
        }
        return path;
    }
}
