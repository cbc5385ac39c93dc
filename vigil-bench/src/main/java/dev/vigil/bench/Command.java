package dev.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short external command to completion. */
final class Command {
    private Command() {
    }

    /** What a finished command printed and returned. */
    record Result(int status, String stdout, String stderr) {
    }

    /** Runs command, waiting at most timeoutSeconds (then kills it and throws). */
    static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        // read stderr on the side so neither pipe fills up
        StringBuilder err = new StringBuilder();
        Thread errReader = Thread.ofPlatform().daemon().start(() -> {
            try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        errReader.join();
        return new Result(p.exitValue(), out, err.toString());
    }

    /** Runs command and returns its stdout; throws with its stderr if it exits non-zero. */
    static String output(String... command) throws IOException, InterruptedException {
        Result r = run(List.of(command), 60);
        if (r.status() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + r.status() + ": " + r.stderr().strip());
        }
        return r.stdout();
    }
}
