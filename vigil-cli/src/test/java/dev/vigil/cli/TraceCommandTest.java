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

    @Test
    void badValuesAreRejectedBeforeAnySensorStarts() throws Exception {
        for (String[] args : List.of(new String[]{"--count", "0"}, new String[]{"--pid", "-1"},
                new String[]{"--duration", "-5"}, new String[]{"--comm", "a-name-longer-than-15"})) {
            Process trace = trace(args);
            assertThat(trace.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(trace.exitValue()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(new String(trace.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("vigil trace: " + args[0]).doesNotContain("tracing with");
        }
    }

    /** A shell under a name of its own, so --comm matches only what the test runs. */
    private static Path ownShell(Path dir) throws Exception {
        String comm = "vt" + Long.toHexString(System.nanoTime() & 0xffffffffL);
        return Files.createSymbolicLink(dir.resolve(comm), Path.of("/bin/sh"));
    }

    @Test
    void aProcessCannotForgeATraceLine(@TempDir Path dir) throws Exception {
        Requirements.requireBpf();
        Path shell = ownShell(dir);
        Process trace = trace("exec", "--comm", "true", "--duration", "20", "--count", "1");
        awaitTracing(trace);
        String forged = "x\n22:00:00.000 exec 1 0 0 sshd /usr/sbin/sshd FORGED\u001b[2J";
        Process p = new ProcessBuilder(shell.toString(), "-c", "exec /bin/true \"$1\"", "sh", forged).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(trace.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(trace.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out.lines()).hasSize(2); // the header and the one event
        assertThat(out).contains("x\\x0A22:00:00.000 exec 1 0 0 sshd /usr/sbin/sshd FORGED\\x1B[2J")
                .doesNotContain("\u001b");
    }

    @Test
    void aClosedPipeEndsTheTrace(@TempDir Path dir) throws Exception {
        Requirements.requireBpf();
        Path shell = ownShell(dir);
        Process trace = trace("fork", "exit", "--json", "--comm", shell.getFileName().toString(), "--duration", "60");
        awaitTracing(trace);
        Process storm = new ProcessBuilder(shell.toString(), "-c", "while :; do (:); done").start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(trace.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).contains("\"event\"");
            assertThat(out.readLine()).contains("\"event\"");
            out.close();
            assertThat(trace.waitFor(20, TimeUnit.SECONDS)).as("trace noticed its reader had gone").isTrue();
            assertThat(trace.exitValue()).isEqualTo(QueryCommand.BROKEN_PIPE);
        } finally {
            storm.destroyForcibly();
        }
    }

    @Test
    void eventsASlowReaderMissesAreCountedAndSaid() throws Exception {
        Requirements.requireBpf();
        long self = ProcessHandle.current().pid();
        Process trace = trace("connect", "--json", "--pid", Long.toString(self), "--duration", "8");
        awaitTracing(trace);
        // nobody reads the trace while this JVM makes 60,000 UDP connects: far past the pipe and the 10,000 events the
        // trace holds
        int connects = 60_000;
        try (java.nio.channels.DatagramChannel target = java.nio.channels.DatagramChannel.open()) {
            target.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            for (int i = 0; i < connects; i++) {
                try (java.nio.channels.DatagramChannel c = java.nio.channels.DatagramChannel.open()) {
                    c.connect(target.getLocalAddress());
                }
            }
        }
        var stderr = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try {
                stderr.complete(new String(trace.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                stderr.completeExceptionally(e);
            }
        });
        long printed = new BufferedReader(new InputStreamReader(trace.getInputStream(), StandardCharsets.UTF_8)).lines()
                .filter(l -> l.contains("\"event\":\"connect\"")).count();
        assertThat(trace.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = stderr.get(10, TimeUnit.SECONDS);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(\\d+) events not printed in all: (\\d+) dropped in the kernel \\(ring buffer full\\), (\\d+) because the "
                        + "output was too slow to keep up").matcher(said);
        assertThat(m.find()).as(said).isTrue();
        assertThat(Long.parseLong(m.group(3))).isPositive();
        // every connect is either printed or counted as not printed
        assertThat(printed + Long.parseLong(m.group(1))).isGreaterThanOrEqualTo(connects);
    }
}
