package dev.vigil.tables.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Runs a command on this host for ground truth, failing the test if it fails. */
final class HostCommands {

    private HostCommands() {
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
