package dev.vigil.tables.process;

import dev.vigil.os.DirectoryEntry;
import dev.vigil.os.FileStat;
import dev.vigil.os.HostFiles;
import dev.vigil.os.OsException;
import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.QueryContext;
import dev.vigil.sql.text.RawText;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a procfs tree (proc(5)) rooted at {@code root}, normally {@code /proc}; tests point it at a directory of
 * fixtures. Every per-process read returns null (or an empty list) when the process vanished or the file cannot be
 * read, because processes come and go while a table scans: callers skip what is missing. Files are read through
 * {@link HostFiles} (one open, reads into a reused native buffer, close) and texts keep every byte ({@link RawText}),
 * so command lines and paths that are not UTF-8 come back as they are, whatever the locale. Immutable and
 * thread-safe.
 */
public final class Procfs {

    /**
     * Clock ticks per second, the unit of the times in /proc/[pid]/stat (sysconf(_SC_CLK_TCK)). The kernel exports
     * USER_HZ, which is 100 on x86-64 and arm64 whatever the kernel's internal HZ, so it is a constant here rather
     * than a native call.
     */
    public static final long CLOCK_TICKS_PER_SECOND = 100;

    /** The most of one /proc file read: a process's environment or command line is at most a few MiB. */
    static final int MAX_FILE = 64 << 20;

    private final Path root;
    private final byte[] rootName;

    public Procfs(Path root) {
        this.root = root;
        this.rootName = RawText.encode(root.toString());
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
        try {
            for (DirectoryEntry entry : HostFiles.list(rootName, true)) {
                long pid = parseNumber(entry.name());
                if (pid > 0) {
                    pids.add(pid);
                }
            }
        } catch (OsException e) {
            if (e.notFound()) {
                return List.of();
            }
            throw new IllegalStateException("listing processes: " + e.getMessage(), e);
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
            try {
                if (pid > 0 && HostFiles.lstatIfExists(name(pid, null)) != null) {
                    pids.add(pid);
                }
            } catch (OsException e) {
                // not readable: as if it did not exist
            }
        }
        return pids;
    }

    /** The bytes of /proc/[pid]/[name], or null if unreadable (the process vanished, no access). */
    public byte[] readBytes(long pid, String name) {
        try {
            return HostFiles.readSystemFile(name(pid, name), MAX_FILE);
        } catch (OsException e) {
            return null;
        }
    }

    /** The text of /proc/[pid]/[name] (every byte kept: {@link RawText}), or null if unreadable. */
    public String readText(long pid, String name) {
        byte[] bytes = readBytes(pid, name);
        return bytes == null ? null : RawText.decode(bytes);
    }

    /** The text of a file directly under the root, such as {@code stat} or {@code net/tcp}, or null. */
    public String readRootText(String name) {
        try {
            return RawText.decode(HostFiles.readSystemFile(HostFiles.child(rootName, ascii(name)), MAX_FILE));
        } catch (OsException e) {
            return null;
        }
    }

    /**
     * The target of the symbolic link /proc/[pid]/[name] (exe, cwd, root, ns/net ...) with every byte kept, or null
     * if unreadable (kernel threads have no exe, cwd or root).
     */
    public String readLink(long pid, String name) {
        try {
            return RawText.decode(HostFiles.readLink(name(pid, name)));
        } catch (OsException e) {
            return null;
        }
    }

    /** The identity (device and inode) of the file /proc/[pid]/[name], followed through links, or null. */
    public Object fileKey(long pid, String name) {
        try {
            FileStat s = HostFiles.stat(name(pid, name));
            return new FileKey(s.device(), s.inode());
        } catch (OsException e) {
            return null;
        }
    }

    /** A file's identity: equal for two names of the same file. */
    public record FileKey(long device, long inode) {
    }

    /** One entry of /proc/[pid]/fd: the descriptor number and the target of its link. */
    public record Descriptor(long fd, String target) {
    }

    /**
     * The open file descriptors of a process, in ascending order; empty if the process vanished or its fd
     * directory is not readable. Descriptors closed while listing are left out.
     */
    public List<Descriptor> descriptors(long pid) {
        byte[] fdDirectory = name(pid, "fd");
        List<Descriptor> out = new ArrayList<>();
        try {
            for (DirectoryEntry entry : HostFiles.list(fdDirectory, false)) {
                long fd = parseNumber(entry.name());
                if (fd < 0) {
                    continue;
                }
                try {
                    out.add(new Descriptor(fd, RawText.decode(HostFiles.readLink(HostFiles.child(fdDirectory, entry.name())))));
                } catch (OsException e) {
                    // closed between listing and readlink
                }
            }
        } catch (OsException e) {
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

    /** The raw name of /proc/[pid]/[file] (or of /proc/[pid] when file is null). */
    private byte[] name(long pid, String file) {
        StringBuilder sb = new StringBuilder(24).append('/').append(pid);
        if (file != null) {
            sb.append('/').append(file);
        }
        byte[] tail = ascii(sb.toString());
        byte[] out = java.util.Arrays.copyOf(rootName, rootName.length + tail.length);
        System.arraycopy(tail, 0, out, rootName.length, tail.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A non-negative decimal number, or -1 if the name is not one. */
    private static long parseNumber(byte[] name) {
        if (name.length == 0 || name.length > 18) {
            return -1;
        }
        long value = 0;
        for (byte c : name) {
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
