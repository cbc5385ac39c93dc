package dev.vigil.cli;

import dev.vigil.testkit.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigil trace} as a person runs it, in a child JVM. Needs root and a kernel with BPF (this VM, CI). */
class TraceCommandTest {

    private static Process trace(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.vigil.cli.Main", "trace"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** Waits for the "tracing with ..." line, so events after it are seen. */
    private static String awaitTracing(Process p) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = err.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("tracing with")) {
                return seen.toString();
            }
        }
        return seen.toString();
    }

    @Test
    void execAndExitOfAChildAppearAsJsonLines(@TempDir Path dir) throws Exception {
        Requirements.requireBpf();
        String marker = "vigil-trace-" + UUID.randomUUID();
        // A shell under a name of its own, so --comm matches only the test's child.
        String comm = "vt" + Long.toHexString(System.nanoTime() & 0xffffffffL);
        Path shell = Files.createSymbolicLink(dir.resolve(comm), Path.of("/bin/sh"));
        Process trace = trace("exec", "exit", "--json", "--comm", comm, "--duration", "20", "--count", "2");
        String started = awaitTracing(trace);
        assertThat(started).contains("tracing with process");
        Process child = new ProcessBuilder(shell.toString(), "-c", "exit 3", marker).start();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(trace.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(trace.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = out.lines().filter(l -> l.contains("\"pid\":" + child.pid() + ",")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"event\":\"exec\"").contains(marker);
        assertThat(lines.get(1)).contains("\"event\":\"exit\"").contains("\"exit_code\":3");
        assertThat(trace.exitValue()).isZero();
    }

    @Test
    void badKindIsRejected() throws Exception {
        Process trace = trace("teleport");
        assertThat(trace.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(trace.exitValue()).isEqualTo(2);
        assertThat(new String(trace.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("unknown event kind 'teleport'");
    }
}
