package dev.vigil.bench;

import dev.vigil.sql.Engine;
import dev.vigil.sql.QueryResult;
import dev.vigil.sql.Session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL engine's benchmarks, each measured side by side with its baseline in the same run:
 * <ol>
 *   <li>{@code SELECT * FROM processes} in a warm session vs a C program reading the same /proc files;</li>
 *   <li>a one-shot {@code vigil query --json} (JVM start included) vs {@code ps -eo pid,comm};</li>
 *   <li>a 1M-row scan through a Java virtual table vs the same rows in a native SQLite table.</li>
 * </ol>
 * Usage: {@code SqlBenchmark PROC_READER_BINARY VIGIL_LAUNCHER [processes|oneshot|scan ...]} (all by default).
 * Prints one line per benchmark.
 */
public final class SqlBenchmark {
    private SqlBenchmark() {
    }

    record Result(String name, String vigil, String baseline, double ratio, String target) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SqlBenchmark PROC_READER_BINARY VIGIL_LAUNCHER [processes|oneshot|scan ...]");
            System.exit(2);
        }
        List<String> chosen = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("processes", "oneshot", "scan");
        List<Result> results = new ArrayList<>();
        for (String name : chosen) {
            results.add(switch (name) {
                case "processes" -> processes(Path.of(args[0]));
                case "oneshot" -> oneShot(Path.of(args[1]));
                case "scan" -> scan(1_000_000);
                default -> throw new IllegalArgumentException("unknown benchmark " + name + ": processes, oneshot or scan");
            });
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %-34s %-34s %7s  %s%n", "benchmark", "vigil", "baseline", "ratio", "target");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-44s %-34s %-34s %6.2fx  %s%n", r.name(), r.vigil(), r.baseline(), r.ratio(), r.target());
        }
    }

    private static Result processes(Path procReader) throws Exception {
        progress("processes: warm engine vs C reader of the same /proc files (5 interleaved rounds)");
        try (Engine engine = Engine.withServiceLoader(); Session session = engine.openSession()) {
            int[] rows = new int[1];
            // warm up for a few seconds so the JIT has compiled the hot paths, as in a long-running agent
            Stats.medianMillis(300, 1, () -> session.query("SELECT * FROM processes"));
            double[] vigil = new double[5];
            double[] c = new double[5];
            String procs = "";
            for (int round = 0; round < 5; round++) {
                vigil[round] = Stats.medianMillis(0, 30, () -> rows[0] = session.query("SELECT * FROM processes").rows().size());
                String[] out = run(procReader.toString(), "30").strip().split(" "); // median us, processes, sink
                c[round] = Long.parseLong(out[0]) / 1000.0;
                procs = out[1];
            }
            double v = Stats.median(vigil);
            double base = Stats.median(c);
            long cProcs = Long.parseLong(procs);
            System.err.printf(Locale.ROOT, "bench: processes rounds: vigil %s ms, C %s ms%n", Stats.list(vigil), Stats.list(c));
            return new Result("SELECT * FROM processes (warm)",
                    String.format(Locale.ROOT, "%.2f ms, %.1f us/process (%d)", v, v * 1000 / rows[0], rows[0]),
                    String.format(Locale.ROOT, "C %.2f ms, %.1f us/process (%d)", base, base * 1000 / cProcs, cProcs),
                    v / base, "<= 1.5x");
        }
    }

    private static Result oneShot(Path launcher) throws Exception {
        progress("one-shot: vigil query --json vs ps -eo pid,comm");
        double vigil = Stats.medianMillis(2, 10, () -> run(launcher.toString(), "query", "--json",
                "select pid, name from processes"));
        double ps = Stats.medianMillis(2, 10, () -> run("ps", "-eo", "pid,comm"));
        return new Result("vigil query --json (pid, name) end to end",
                String.format(Locale.ROOT, "%.0f ms", vigil), String.format(Locale.ROOT, "ps %.1f ms", ps), vigil / ps,
                "< 500 ms absolute");
    }

    private static Result scan(int rows) throws Exception {
        progress("scan: " + rows + " rows through a Java virtual table vs a native SQLite table");
        try (Engine engine = Engine.builder().addTable(new StreamingNumbersTable(rows)).build();
             Session session = engine.openSession()) {
            session.query("CREATE TABLE native_rows(a INTEGER, b TEXT, c REAL);"
                    + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ") "
                    + "INSERT INTO native_rows SELECT i, 'row-' || i, i / 2.0 FROM n;");
            String sum = "SELECT count(*), sum(a), sum(length(b)), sum(c) FROM ";
            QueryResult expected = session.query(sum + "native_rows");
            QueryResult actual = session.query(sum + "bench_rows");
            if (!expected.rows().equals(actual.rows())) {
                throw new IllegalStateException("tables differ: " + expected.rows() + " vs " + actual.rows());
            }
            double java = Stats.medianMillis(2, 7, () -> session.query(sum + "bench_rows"));
            double nativeTable = Stats.medianMillis(2, 7, () -> session.query(sum + "native_rows"));
            return new Result(rows + "-row scan, 3 columns",
                    String.format(Locale.ROOT, "%.0f ms (%.1f M rows/s)", java, rows / java / 1000),
                    String.format(Locale.ROOT, "native %.0f ms", nativeTable), java / nativeTable, "<= 3x");
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + status);
        }
        return out;
    }

    private static void progress(String message) {
        System.err.println("bench: " + message);
    }
}
