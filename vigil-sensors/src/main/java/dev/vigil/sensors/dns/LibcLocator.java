package dev.vigil.sensors.dns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds every distinct glibc (libc.so.6) that running processes have mapped, one path per inode. Uprobes bind to
 * an inode, so one attachment per inode covers every process using it; a process in another mount namespace is
 * reached through {@code /proc/<pid>/root/<path>} (proc(5)).
 */
public final class LibcLocator {
    private final Path procRoot;

    public LibcLocator(Path procRoot) {
        this.procRoot = procRoot;
    }

    public LibcLocator() {
        this(Path.of("/proc"));
    }

    /** A libc found: the path to attach through, and the file's identity. */
    public record Libc(Path path, Object fileKey) {
    }

    /** The libcs mapped by running processes, the first path seen for each inode; unreadable processes skipped. */
    public List<Libc> find() throws IOException {
        Map<Object, Path> byInode = new LinkedHashMap<>();
        List<Path> pids;
        try (Stream<Path> entries = Files.list(procRoot)) {
            pids = entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
        }
        for (Path pid : pids) {
            for (String mapped : mappedLibcs(pid)) {
                Path viaRoot = pid.resolve("root").resolve(mapped.substring(1));
                try {
                    Object key = Files.readAttributes(viaRoot, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
                    if (key != null && !byInode.containsKey(key)) {
                        // Prefer the plain path when it names the same inode (the host's own libc).
                        Path plain = Path.of(mapped);
                        boolean same = Files.exists(plain) && key.equals(
                                Files.readAttributes(plain, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
                        byInode.put(key, same ? plain : viaRoot);
                    }
                } catch (IOException | SecurityException e) {
                    // the process exited or its root is not reachable
                }
            }
        }
        List<Libc> out = new ArrayList<>();
        byInode.forEach((key, path) -> out.add(new Libc(path, key)));
        return out;
    }

    /** The glibc paths in one /proc/[pid]/maps (proc(5): the path is the sixth field). */
    static Set<String> mappedLibcs(Path pidDir) {
        Set<String> out = new HashSet<>();
        try {
            for (String line : Files.readAllLines(pidDir.resolve("maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String path = line.substring(slash).strip();
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (name.equals("libc.so.6") || name.matches("libc-2\\.\\d+\\.so")) {
                    out.add(path);
                }
            }
        } catch (NoSuchFileException gone) {
            // exited
        } catch (IOException | RuntimeException e) {
            // unreadable maps (a kernel thread or a permission)
        }
        return out;
    }
}
