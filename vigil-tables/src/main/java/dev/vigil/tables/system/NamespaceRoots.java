package dev.vigil.tables.system;

import dev.vigil.sql.spi.Column;
import dev.vigil.sql.spi.HostPaths;
import dev.vigil.sql.spi.QueryContext;

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

    /**
     * One root to read: the pid it belongs to (0 for the host) and its places ({@code /etc}, {@code /var} ...),
     * which for a process are those under its {@code /proc/N/root}.
     */
    public record Root(long pid, HostPaths paths) {
    }

    private NamespaceRoots() {
    }

    /** @param pidWithNamespace the table's pid_with_namespace column */
    public static List<Root> of(QueryContext context, Column pidWithNamespace, HostPaths host) {
        Set<Long> pids = context.equalsLong(pidWithNamespace);
        if (!context.hasEquality(pidWithNamespace)) {
            return List.of(new Root(0, host));
        }
        List<Root> roots = new ArrayList<>();
        for (long pid : pids) {
            roots.add(pid == 0 ? new Root(0, host)
                    : new Root(pid, HostPaths.under(host.proc().resolve(pid + "/root"))));
        }
        return roots;
    }
}
