package dev.vigil.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command on this host for ground truth ({@code ps}, {@code id}, {@code ip route}, {@code dpkg-query}) and
 * returns what it printed on standard output. Its standard error is kept apart, so a warning it prints never
 * mixes into the output a test parses. Thread-safe.
 */
public final class HostCommand {
    private static final long TIMEOUT_SECONDS = 30;

    private HostCommand() {
    }

    /**
     * The command's standard output (UTF-8).
     *
     * @throws IOException if it cannot be started, runs longer than 30 seconds, or exits with a status other than
     *                     0; the message names the command and gives its standard error
     */
    public static String run(String... command) throws IOException, InterruptedException {
        String name = String.join(" ", command);
        Process process = new ProcessBuilder(List.of(command)).start();
        process.getOutputStream().close();
        FutureTask<byte[]> stdout = drain(process.getInputStream());
        FutureTask<byte[]> stderr = drain(process.getErrorStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException(name + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String out = text(stdout, name);
        if (process.exitValue() != 0) {
            throw new IOException(name + " exited with " + process.exitValue() + ": " + text(stderr, name).strip());
        }
        return out;
    }

    /** Reads the stream to its end on a thread of its own, so neither pipe can fill up and block the command. */
    private static FutureTask<byte[]> drain(InputStream stream) {
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            try (stream) {
                return stream.readAllBytes();
            }
        });
        Thread.ofVirtual().start(task);
        return task;
    }

    private static String text(FutureTask<byte[]> output, String name) throws IOException, InterruptedException {
        try {
            return new String(output.get(), StandardCharsets.UTF_8);
        } catch (ExecutionException e) {
            throw new IOException("reading the output of " + name, e.getCause());
        }
    }
}
