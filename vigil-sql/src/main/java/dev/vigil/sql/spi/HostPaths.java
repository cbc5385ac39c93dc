package dev.vigil.sql.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a table reads the host from: the live host's {@code /proc}, {@code /sys}, {@code /etc} ..., or the same
 * places under a fixture tree in tests, or under a mounted image or a container's root. The one way host
 * locations reach tables and sensors: each is handed this record when it is built. Immutable.
 *
 * @param root the file system root, for files outside the places below ({@code /usr/lib/os-release})
 * @param proc procfs, proc(5)
 * @param sys  sysfs, sysfs(5)
 * @param dev  device nodes
 * @param etc  host configuration
 * @param boot the boot partition
 * @param var  variable state ({@code /var/lib/dpkg})
 * @param run  runtime state ({@code /run/utmp})
 */
public record HostPaths(Path root, Path proc, Path sys, Path dev, Path etc, Path boot, Path var, Path run) {
    public HostPaths {
        Objects.requireNonNull(root);
        Objects.requireNonNull(proc);
        Objects.requireNonNull(sys);
        Objects.requireNonNull(dev);
        Objects.requireNonNull(etc);
        Objects.requireNonNull(boot);
        Objects.requireNonNull(var);
        Objects.requireNonNull(run);
    }

    private static final HostPaths LIVE = under(Path.of("/"));

    /** This host, as the running kernel shows it. */
    public static HostPaths live() {
        return LIVE;
    }

    /** Every place under another root: a fixture tree, a mounted disk image, a container's root file system. */
    public static HostPaths under(Path root) {
        return new HostPaths(root, root.resolve("proc"), root.resolve("sys"), root.resolve("dev"), root.resolve("etc"),
                root.resolve("boot"), root.resolve("var"), root.resolve("run"));
    }

    /** An absolute host path ("/usr/lib/os-release") under this root. */
    public Path resolve(String absolute) {
        String relative = absolute;
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    /** True for the live host's own places. */
    public boolean isLive() {
        return equals(LIVE);
    }
}
