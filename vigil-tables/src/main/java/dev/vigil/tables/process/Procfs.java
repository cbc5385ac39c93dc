package dev.vigil.tables.process;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.QueryContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a procfs tree (proc(5)) rooted at {@code root}, normally {@code /proc}; tests point it at a directory of
 * fixtures. Every per-process read returns null (or an empty list) when the process vanished or the file cannot be
 * read, because processes come and go while a table scans: callers skip what is missing. Immutable and
 * thread-safe.
 */
public final class Procfs {

    /**
     * Clock ticks per second, the unit of the times in /proc/[pid]/stat (sysconf(_SC_CLK_TCK)). The kernel exports
     * USER_HZ, which is 100 on x86-64 and arm64 whatever the kernel's internal HZ, so it is a constant here rather
     * than a native call.
     */
    public static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Path root;

    public Procfs(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Why this tree cannot be read (no procfs there: a disk image, a root without /proc mounted), or empty. */
    public Optional<String> unavailable() {
        return Files.isDirectory(root) ? Optional.empty() : Optional.of("no procfs: " + root + " does not exist");
    }

    public Path processDirectory(long pid) {
        return root.resolve(Long.toString(pid));
    }

    /** Every process: the numeric directories of the root, in ascending order; none if the root does not exist. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                long pid = parsePid(entry.getFileName().toString());
                if (pid > 0) {
                    pids.add(pid);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IllegalStateException("listing processes in " + root + ": " + e.getMessage(), e);
        }
        pids.sort(null);
        return pids;
    }

    /**
     * The processes a scan must read: those named by {@code =} or {@code IN} constraints on the pid column that
     * exist, or every process when the column is not constrained that way.
     */
    public Collection<Long> pids(QueryContext context, Column pidColumn) {
        Set<Long> wanted = context.equalsLong(pidColumn);
        if (!context.hasEquality(pidColumn)) {
            return pids();
        }
        List<Long> pids = new ArrayList<>();
        for (long pid : wanted) {
            if (pid > 0 && Files.isDirectory(processDirectory(pid))) {
                pids.add(pid);
            }
        }
        return pids;
    }

    /** The bytes of /proc/[pid]/[name], or null if unreadable. */
    public byte[] readBytes(long pid, String name) {
        return read(processDirectory(pid).resolve(name));
    }

    /** The text of /proc/[pid]/[name] (UTF-8), or null if unreadable. */
    public String readText(long pid, String name) {
        byte[] bytes = readBytes(pid, name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The text of a file directly under the root, such as {@code stat} or {@code net/tcp}, or null. */
    public String readRootText(String name) {
        byte[] bytes = read(root.resolve(name));
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The target of the symbolic link /proc/[pid]/[name] (exe, cwd, root, ns/net ...), or null if unreadable. */
    public String readLink(long pid, String name) {
        try {
            return Files.readSymbolicLink(processDirectory(pid).resolve(name)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * The identity (device and inode, {@link java.nio.file.attribute.BasicFileAttributes#fileKey()}) of the file
     * /proc/[pid]/[name], or null if it cannot be read.
     */
    public Object fileKey(long pid, String name) {
        try {
            return Files.readAttributes(processDirectory(pid).resolve(name),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** One entry of /proc/[pid]/fd: the descriptor number and the target of its link. */
    public record Descriptor(long fd, String target) {
    }

    /**
     * The open file descriptors of a process, in ascending order; empty if the process vanished or its fd
     * directory is not readable. Descriptors closed while listing are left out.
     */
    public List<Descriptor> descriptors(long pid) {
        Path fdDirectory = processDirectory(pid).resolve("fd");
        List<Descriptor> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fdDirectory)) {
            for (Path entry : entries) {
                long fd = parsePid(entry.getFileName().toString());
                if (fd < 0) {
                    continue;
                }
                try {
                    out.add(new Descriptor(fd, Files.readSymbolicLink(entry).toString()));
                } catch (IOException e) {
                    // closed between listing and readlink
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort((a, b) -> Long.compare(a.fd(), b.fd()));
        return out;
    }

    /** The boot time in seconds since the epoch, from the {@code btime} line of /proc/stat; null if unknown. */
    public Long bootTime() {
        String stat = readRootText("stat");
        return stat == null ? null : SystemStat.bootTime(stat);
    }

    /** Per-thread read buffer: /proc files are small, and reading into a reused array saves an fstat and a copy. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

    /**
     * Reads a whole file with open, read until end of file, close; procfs reports no size, so Files.readAllBytes
     * would add an fstat and grow its buffer. Null if the file cannot be read (the process vanished, no access).
     */
    private static byte[] read(Path path) {
        byte[] buffer = BUFFER.get();
        try (java.io.FileInputStream in = new java.io.FileInputStream(path.toString())) {
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                    BUFFER.set(buffer);
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    return java.util.Arrays.copyOf(buffer, length);
                }
                length += n;
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** A non-negative decimal number, or -1 if the name is not one. */
    private static long parsePid(String name) {
        if (name.isEmpty() || name.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
