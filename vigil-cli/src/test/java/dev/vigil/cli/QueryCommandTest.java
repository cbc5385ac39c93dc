package dev.vigil.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.vigil.cli.CommandLineTest.vigil;
import static dev.vigil.cli.CommandLineTest.vigilRaw;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil query} tried as a user and an attacker would, in a child JVM: hostile SQL, results too large to hold,
 * a closed pipe, a runaway query, a missing path, bytes that are not UTF-8.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueryCommandTest {
    private static final String COUNT_TO = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT %d) ";

    @Test
    void theFts3TokenizerExploitIsRefusedAndTheJvmLives(@TempDir Path dir) throws Exception {
        CommandLineTest.Run r = vigil(null, "query", "select fts3_tokenizer('evil', x'4141414141414141'); "
                + "create virtual table f using fts3(tokenize=evil); insert into f values('a b')");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("fts3_tokenizer() is not allowed").doesNotContain("SIGSEGV");
        CommandLineTest.Run leak = vigil(null, "query", "--csv", "select hex(fts3_tokenizer('simple'))");
        assertThat(leak.status()).isEqualTo(1);
        assertThat(leak.out()).isEmpty();
        try (var files = Files.list(Path.of("."))) {
            assertThat(files.map(Path::toString).filter(n -> n.contains("hs_err"))).isEmpty();
        }
    }

    @Test
    void aNulInTheSqlIsAnErrorNotAHang() throws Exception {
        CommandLineTest.RawRun r = vigilRaw("select 1;\0".getBytes(StandardCharsets.US_ASCII), List.of(), "query");
        assertThat(r.status()).isEqualTo(1);
        assertThat(new String(r.err(), StandardCharsets.UTF_8)).contains("NUL character at position 10");
    }

    @Test
    void eachStatementsRowsArePrintedBeforeALaterOneFails() throws Exception {
        CommandLineTest.Run r = vigil(null, "query", "--csv", "select 1 as a; select abs(-9223372036854775808)");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("a\n1\n");
        assertThat(r.err()).contains("Error: integer overflow");
        CommandLineTest.Run json = vigil(null, "query", "--json", "select 1 as a union all select 2; select abs(-9223372036854775808)");
        assertThat(json.out()).isEqualTo("[\n  {\"a\":\"1\"},\n  {\"a\":\"2\"}\n]\n");
    }

    @Test
    void aMissingPathIsNoErrorAndVerboseSaysSo() throws Exception {
        CommandLineTest.Run r = vigil(null, "query", "select * from file where path = '/no/such/file'");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        CommandLineTest.Run verbose = vigil(null, "query", "--verbose", "select * from file where path = '/no/such/file'");
        assertThat(verbose.status()).isZero();
        assertThat(verbose.err()).contains("Note: file: ").contains("/no/such/file");
    }

    @Test
    void aRunawayQueryEndsAtItsTimeout() throws Exception {
        long start = System.nanoTime();
        CommandLineTest.Run r = vigil(null, "query", "--timeout", "1",
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("timed out: the query ran longer than its limit of 1 s");
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(30);
        assertThat(vigil(null, "query", "--timeout", "-5", "select 1").status()).isEqualTo(2);
        assertThat(vigil(null, "query", "--timeout=abc", "select 1").status()).isEqualTo(2);
    }

    @Test
    void aResultTooLargeToAlignIsACleanErrorAndStreamingModesPrintIt() throws Exception {
        List<String> smallHeap = List.of("-Xmx96m");
        String millions = String.format(COUNT_TO, 3_000_000) + "SELECT x, 'padding padding padding' FROM c";
        CommandLineTest.RawRun pretty = vigilRaw(null, smallHeap, "query", millions);
        String err = new String(pretty.err(), StandardCharsets.UTF_8);
        assertThat(pretty.status()).as(err).isEqualTo(1);
        assertThat(err).contains("the result is too large to align").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        CommandLineTest.RawRun csv = vigilRaw(null, smallHeap, "query", "--csv", "--no-header", millions);
        assertThat(csv.status()).as(new String(csv.err(), StandardCharsets.UTF_8)).isZero();
        assertThat(new String(csv.out(), StandardCharsets.US_ASCII).lines().count()).isEqualTo(3_000_000);
    }

    @Test
    void aClosedPipeEndsTheQueryAtOnce() throws Exception {
        // 500 million rows would take minutes; the reader leaves after one line
        Process p = CommandLineTest.start(List.of(), Map.of(), "query", "--csv",
                String.format(COUNT_TO, 500_000_000) + "SELECT x FROM c");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        assertThat(out.readLine()).isEqualTo("x");
        out.close();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("vigil query noticed the closed pipe").isTrue();
        assertThat(p.exitValue()).isEqualTo(QueryCommand.BROKEN_PIPE);
    }

    @Test
    void bytesThatAreNotUtf8AreWrittenAsTheyAreWhateverTheLocale() throws Exception {
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("LANG", "C", "LC_ALL", "C"))) {
            CommandLineTest.RawRun r = vigilRaw(null, List.of(), env, "query", "--csv", "--no-header",
                    "select CAST(x'2f74ff' AS TEXT), 'é'");
            assertThat(r.status()).isZero();
            assertThat(r.out()).as(env.toString()).isEqualTo(new byte[]{'/', 't', (byte) 0xff, ',', (byte) 0xc3, (byte) 0xa9, '\n'});
        }
    }

    @Test
    void processesAndFilesNamedWithBytesThatAreNotUtf8UnderAnyLocale(@TempDir Path dir) throws Exception {
        byte[] raw = {'s', 'l', (byte) 0xff, (byte) 0xfe, 'p'};
        dev.vigil.testkit.RawNames.shell(dir, raw, "cp /bin/sleep \"$N\"");
        byte[] binary = dev.vigil.testkit.RawNames.join(dir, raw);
        // start the copy through the shell, which passes the name as bytes, and learn its pid
        Process sleeper = new ProcessBuilder("/bin/sh", "-c", "cd \"$1\" && exec ./\"$(printf '"
                + dev.vigil.testkit.RawNames.printfEscapes(raw) + "')\" 60", "sh", dir.toString()).start();
        try {
            long pid = sleeper.pid();
            for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("LANG", "C", "LC_ALL", "C"))) {
                CommandLineTest.RawRun all = vigilRaw(null, List.of(), env, "query", "--csv", "--no-header",
                        "select count(*) > 1 from processes");
                assertThat(new String(all.err(), StandardCharsets.UTF_8)).isEmpty();
                assertThat(new String(all.out(), StandardCharsets.US_ASCII)).isEqualTo("1\n");
                CommandLineTest.RawRun mine = vigilRaw(null, List.of(), env, "query", "--csv", "--no-header",
                        "select path, on_disk from processes where pid = " + pid);
                assertThat(mine.out()).as(env.toString()).isEqualTo(concat(binary, ",1\n".getBytes(StandardCharsets.US_ASCII)));
                CommandLineTest.RawRun listed = vigilRaw(null, List.of(), env, "query", "--csv", "--no-header",
                        "select path from file where directory = '" + dir + "'");
                assertThat(listed.out()).isEqualTo(concat(binary, "\n".getBytes(StandardCharsets.US_ASCII)));
                CommandLineTest.RawRun matched = vigilRaw(null, List.of(), env, "query", "--csv", "--no-header",
                        "select size > 0 from file where path like '" + dir + "/sl%'");
                assertThat(new String(matched.out(), StandardCharsets.US_ASCII)).isEqualTo("1\n");
            }
        } finally {
            sleeper.destroyForcibly();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void ctrlCStopsWorkDoneInSqliteAndInJava() throws Exception {
        // (a regular expression that backtracks for ever stops the same way: StoppingStatementsTest)
        for (String sql : List.of("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
                "SELECT count(*) FROM hash WHERE path LIKE '/usr/%%'")) {
            Process p = CommandLineTest.start(List.of(), Map.of(), "query", sql);
            Thread.sleep(2000); // well into the work: the JVM has started and the query runs
            long sent = System.nanoTime();
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as(sql).isTrue();
            assertThat((System.nanoTime() - sent) / 1_000_000).as(sql).isLessThan(5_000);
            assertThat(p.exitValue()).as(sql).isEqualTo(QueryCommand.INTERRUPTED);
            assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("interrupted");
        }
    }
}
