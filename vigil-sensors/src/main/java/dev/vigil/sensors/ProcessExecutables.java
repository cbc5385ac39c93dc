package dev.vigil.sensors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * The executable of a process (proc(5) {@code /proc/[pid]/exe}) as sensors name it on their events, remembered
 * per pid for a short time: a process that makes thousands of lookups or connections would otherwise cost a
 * readlink per event. A remembered path is used only while the event's command name (the kernel's comm, which
 * an exec resets to the new program's name) is the one seen when it was read, so a fork-then-exec or a reused
 * pid reads the link again; a process that execs a program of the same name within {@link #TTL_NANOS} can show
 * the previous path for at most that long. Bounded; thread-safe.
 */
public final class ProcessExecutables {
    /** How long a looked-up path is trusted. */
    static final long TTL_NANOS = 1_000_000_000L;
    static final int MAX_PIDS = 4096;

    private record Lookup(String path, String comm, long readAtNanos) {
    }

    private final Map<Integer, Lookup> byPid = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Lookup> eldest) {
            return size() > MAX_PIDS;
        }
    };
    private final IntFunction<String> reader;
    private final LongSupplier clock;

    /** Reads the real /proc. */
    public ProcessExecutables() {
        this(ProcessExecutables::readProcExe, System::nanoTime);
    }

    ProcessExecutables(IntFunction<String> reader, LongSupplier clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * The process's executable, or null if it is gone or unreadable.
     *
     * @param comm the command name the event carries
     */
    public synchronized String path(int pid, String comm) {
        long now = clock.getAsLong();
        Lookup cached = byPid.get(pid);
        if (cached != null && now - cached.readAtNanos() < TTL_NANOS && java.util.Objects.equals(cached.comm(), comm)) {
            return cached.path();
        }
        String path = reader.apply(pid);
        byPid.put(pid, new Lookup(path, comm, now));
        return path;
    }

    private static String readProcExe(int pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "exe")).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
