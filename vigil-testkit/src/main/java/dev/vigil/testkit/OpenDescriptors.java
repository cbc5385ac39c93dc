package dev.vigil.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * This process's open file descriptors (/proc/self/fd), as "fd -> target", for tests that fail on leaked
 * descriptors: take a list before, do the work, and compare.
 */
public final class OpenDescriptors {
    private OpenDescriptors() {
    }

    /** Every open descriptor but the one listing them. */
    public static List<String> all() {
        return matching(target -> true);
    }

    /** Descriptors of BPF objects, perf events and epoll instances: what sensors and links hold. */
    public static List<String> bpf() {
        return matching(t -> t.contains("bpf") || t.contains("perf_event") || t.contains("eventpoll"));
    }

    /** Descriptors whose target matches. */
    public static List<String> matching(Predicate<String> target) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (target.test(link)) {
                        out.add(fd.getFileName() + " -> " + link);
                    }
                } catch (IOException closed) {
                    // the listing's own descriptor, closed by now
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing /proc/self/fd", e);
        }
        out.sort(null);
        return out;
    }
}
