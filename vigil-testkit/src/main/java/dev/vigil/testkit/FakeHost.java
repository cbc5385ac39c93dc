package dev.vigil.testkit;

import dev.vigil.sql.spi.HostPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A fake host in a directory (a test's {@code @TempDir}): fixture files written where a table reads them on a real
 * host ({@code /proc/uptime}, {@code /etc/hosts}), and the {@link HostPaths} that point a table at them.
 *
 * <pre>{@code
 * HostPaths host = FakeHost.in(dir).file("/proc/uptime", "301.62 543.22\n").paths();
 * new UptimeTable(host)
 * }</pre>
 * Not thread-safe.
 */
public final class FakeHost {
    private final Path root;

    private FakeHost(Path root) {
        this.root = root;
    }

    /** A fake host rooted at this directory, which should be empty. */
    public static FakeHost in(Path directory) {
        return new FakeHost(directory);
    }

    /** The places of this fake host, to build tables with. */
    public HostPaths paths() {
        return HostPaths.under(root);
    }

    public Path root() {
        return root;
    }

    /** Where a host path lies in the fake host: {@code "/etc/hosts"} → {@code <root>/etc/hosts}. */
    public Path path(String absolute) {
        return paths().resolve(absolute);
    }

    /** Writes a UTF-8 text file at the host path, creating its directories. */
    public FakeHost file(String absolute, String content) {
        return file(absolute, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file at the host path, creating its directories. */
    public FakeHost file(String absolute, byte[] content) {
        Path p = path(absolute);
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException("writing fixture " + p, e);
        }
        return this;
    }

    /** Creates an empty directory at the host path. */
    public FakeHost directory(String absolute) {
        try {
            Files.createDirectories(path(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("creating fixture directory " + path(absolute), e);
        }
        return this;
    }

    /** Copies a fixture file, or a directory tree, to the host path. */
    public FakeHost copy(String absolute, Path from) {
        Path to = path(absolute);
        try {
            if (!Files.isDirectory(from)) {
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                return this;
            }
            try (Stream<Path> tree = Files.walk(from)) {
                for (Path source : tree.toList()) {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copying fixture " + from + " to " + to, e);
        }
        return this;
    }
}
