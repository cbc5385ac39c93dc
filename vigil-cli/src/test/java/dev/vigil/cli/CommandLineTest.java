package dev.vigil.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the vigil command in a child JVM, as a script would: stdout, stderr, stdin and the exit status. */
class CommandLineTest {

    record Run(int status, String out, String err) {
    }

    static Run vigil(String stdin, String... args) throws IOException, InterruptedException {
        RawRun r = vigilRaw(stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), List.of(), args);
        return new Run(r.status(), new String(r.out(), StandardCharsets.UTF_8), new String(r.err(), StandardCharsets.UTF_8));
    }

    record RawRun(int status, byte[] out, byte[] err) {
    }

    /** Runs vigil in a child JVM with stdin bytes, extra JVM options (a small heap) and the environment given. */
    static RawRun vigilRaw(byte[] stdin, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return vigilRaw(stdin, jvmOptions, java.util.Map.of(), args);
    }

    static RawRun vigilRaw(byte[] stdin, List<String> jvmOptions, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(command(jvmOptions, args), env, stdin);
    }

    /** Runs a command with extra environment and stdin bytes; its status, stdout and stderr. Two minutes at most. */
    static RawRun run(List<String> command, java.util.Map<String, String> env, byte[] stdin)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        var err = new java.util.concurrent.CompletableFuture<byte[]>();
        Thread.ofVirtual().start(() -> {
            try {
                err.complete(p.getErrorStream().readAllBytes());
            } catch (IOException e) {
                err.completeExceptionally(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end");
        }
        return new RawRun(p.exitValue(), out, err.join());
    }

    static Process start(List<String> jvmOptions, java.util.Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, args));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** java, native access, the JVM options, this test's class path, vigil's main class and the arguments. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.vigil.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void queryPrintsJsonLikeOsqueryi() throws Exception {
        Run r = vigil(null, "query", "--json", "select 7 as n, 'a\"b' as s, null as z");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[\n  {\"n\":\"7\",\"s\":\"a\\\"b\",\"z\":\"\"}\n]\n");
    }

    @Test
    void queryReadsSqlFromStdinAndPrintsCsvAndLines() throws Exception {
        assertThat(vigil("select 1 as a, 2 as b;", "query", "--csv").out()).isEqualTo("a,b\n1,2\n");
        assertThat(vigil(null, "query", "--line", "select 1 as a, 22 as bb").out()).isEqualTo(" a = 1\nbb = 22\n");
    }

    @Test
    void errorsGoToStderrWithStatusOne() throws Exception {
        Run r = vigil(null, "query", "select * from no_such_table");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Error: no such table: no_such_table");
        Run flags = vigil(null, "query", "--json", "--csv", "select 1");
        assertThat(flags.status()).isEqualTo(2);
        assertThat(flags.err()).contains("choose one of --json, --csv");
        assertThat(vigil("", "query").err()).contains("no SQL given");
        Run unknown = vigil(null, "query", "--jsn", "select 1");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--jsn'");
        assertThat(vigil(null, "query", "--help").out()).contains("Usage: vigil query", "--[no-]header");
    }

    @Test
    void shellReadsStatementsFromAPipe() throws Exception {
        Run r = vigil(".mode csv\nselect 1 as x;\nselect\n 2 as y;\n.exit\nselect 3;\n", "shell");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("x\n1\ny\n2\n");
        Run bad = vigil("selec 1;\nselect 5 as ok;\n", "shell", "--csv");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.out()).isEqualTo("ok\n5\n");
        assertThat(bad.err()).contains("syntax error");
    }

    @Test
    void aNulInTheShellsInputIsAnErrorAndTheShellGoesOn() throws Exception {
        Run r = vigil("select 1;\0\nselect 2 as two;\n", "shell", "--csv");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("NUL character");
        assertThat(r.out()).isEqualTo("two\n2\n");
    }

    @Test
    void optionsWithoutACommandAreTheShells() throws Exception {
        Run r = vigil(null, "--no-sensors", "--csv", "select 1 as one");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("one\n1\n");
        Run without = vigil(null, "--without-sensor", "dns", "--csv", "select 2 as two");
        assertThat(without.status()).as(without.err()).isZero();
        assertThat(without.out()).isEqualTo("two\n2\n");
        assertThat(vigil(null, "--without-sensor", "dnss", "select 1").status()).isEqualTo(2);
    }

    @Test
    void theHistoryFileIsTheOwnersAlone(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        String previous = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            Path history = ShellCommand.privateHistory();
            assertThat(java.nio.file.Files.getPosixFilePermissions(history))
                    .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            java.nio.file.Files.setPosixFilePermissions(history, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            ShellCommand.privateHistory();
            assertThat(java.nio.file.Files.getPosixFilePermissions(history))
                    .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } finally {
            System.setProperty("user.home", previous);
        }
    }

    @Test
    void bareVigilIsTheShellWithHeaders() throws Exception {
        Run r = vigil("select 1 as one;\n", new String[0]);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("+-----+\n| one |\n+-----+\n| 1   |\n+-----+\n");
    }

    @Test
    void shellRunsAQueryArgumentLikeOsqueryi() throws Exception {
        Run r = vigil(null, "shell", "--json", "select 'x' as v");
        assertThat(r.out()).isEqualTo("[\n  {\"v\":\"x\"}\n]\n");
        assertThat(vigil(null, "shell", ".tables vigil_t").out()).isEqualTo("  => vigil_tables\n");
    }

    @Test
    void shellLeavesOutNamedSensorsAndRefusesUnknownOnes() throws Exception {
        assertThat(ShellCommand.enabledSensors(java.util.List.of("dns"))).containsExactly("process", "socket");
        assertThat(ShellCommand.enabledSensors(java.util.List.of())).containsExactly("process", "socket", "dns");
        Run bad = vigil(null, "shell", "--without-sensor", "dnss", "select 1");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown sensor 'dnss' for --without-sensor: use process, socket, dns");
        Run ok = vigil(null, "shell", "--without-sensor", "dns", "--csv", "select 1 as x");
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("x\n1\n");
    }

    @Test
    void versionAndHelp() throws Exception {
        assertThat(vigil(null, "--version").out()).contains("sqlite 3.");
        assertThat(vigil(null, "--help").out()).contains("query", "shell");
    }
}
