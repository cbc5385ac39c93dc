package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.QueryContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The file-system roots one scan reads, following osquery's hidden {@code pid_with_namespace} column: without a
 * constraint on it, the host's root (reported as pid 0, as osquery does); with {@code pid_with_namespace = N}
 * (or IN), the root of process N's mount namespace, {@code /proc/N/root} (see proc(5)), so a table shows what
 * a container sees.
 */
public final class NamespaceRoots {

    /** One root to read: the pid it belongs to (0 for the host) and the directory that stands for "/". */
    public record Root(long pid, Path path) {

        /** The file at an absolute path as this root sees it. */
        public Path resolve(String absolutePath) {
            return path.resolve(absolutePath.startsWith("/") ? absolutePath.substring(1) : absolutePath);
        }
    }

    private NamespaceRoots() {
    }

    /**
     * @param pidWithNamespace the table's pid_with_namespace column
     * @param hostRoot         "/" on a real host; a fixture directory in tests
     * @param procRoot         /proc on a real host
     */
    public static List<Root> of(QueryContext context, Column pidWithNamespace, Path hostRoot, Path procRoot) {
        Set<Long> pids = context.equalsLong(pidWithNamespace);
        if (!context.hasEquality(pidWithNamespace)) {
            return List.of(new Root(0, hostRoot));
        }
        List<Root> roots = new ArrayList<>();
        for (long pid : pids) {
            roots.add(pid == 0 ? new Root(0, hostRoot) : new Root(pid, procRoot.resolve(pid + "/root")));
        }
        return roots;
    }
}
