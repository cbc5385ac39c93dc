package dev.vigil.tables.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A {@code sleep} child of the test JVM with a unique argument, a marker environment variable, a working
 * directory of its own and stdout redirected into a file: ground truth for the process tables. GNU sleep sums its
 * arguments, so the unique fraction only makes the command line unique. Close it to kill it.
 */
public final class SleepingChild implements AutoCloseable {
    public static final String MARKER_VARIABLE = "VIGIL_TEST_MARKER";

    public final Path directory;
    public final Path stdout;
    public final Path executable;
    public final String marker;
    public final List<String> argv;
    public final Process process;
    public final long startedAfterEpochSecond;

    public SleepingChild() throws IOException {
        directory = Files.createTempDirectory("vigil-proc-test").toRealPath();
        stdout = directory.resolve("stdout.txt");
        executable = Path.of("/bin/sleep").toRealPath();
        marker = UUID.randomUUID().toString();
        long unique = Math.abs(marker.hashCode()) % 1_000_000L;
        argv = List.of(executable.toString(), "300", "0.%06d".formatted(unique));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile())
                .redirectOutput(stdout.toFile()).redirectErrorStream(true);
        builder.environment().put(MARKER_VARIABLE, marker);
        startedAfterEpochSecond = System.currentTimeMillis() / 1000;
        process = builder.start();
    }

    public long pid() {
        return process.pid();
    }

    /** The command line as /proc shows it: the arguments joined by spaces. */
    public String cmdline() {
        return String.join(" ", argv);
    }

    /**
     * Waits until the child has executed sleep (fork and exec are not instantaneous), read from /proc/pid/exe.
     */
    public SleepingChild awaitExec() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                if (Files.readSymbolicLink(Path.of("/proc", Long.toString(pid()), "exe")).equals(executable)) {
                    return this;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(10);
        }
        throw new AssertionError("child " + pid() + " did not exec " + executable);
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(directory);
    }
}
