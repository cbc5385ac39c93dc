package dev.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sensors' benchmarks, each tracer measured side by side with no tracer in the same run:
 * <ol>
 *   <li>an exec storm (bench/c/exec_storm.c) with no tracer (between every two traced storms), Vigil's sensors
 *       (all, and all but DNS), bpftrace printing every exec (alone, and with a bare getaddrinfo uprobe pair like
 *       Vigil's DNS sensor's), and auditd with an execve rule;</li>
 *   <li>a getaddrinfo loop (bench/c/gai_loop.c) in one process, in chunks with no tracer, Vigil's DNS sensor, and
 *       a bare bpftrace uprobe+uretprobe count() on the same function, for "localhost" and for "127.0.0.1";</li>
 *   <li>the agent's CPU per 1,000 events delivered into the event store, from the storm under Vigil;</li>
 *   <li>the peak RSS of {@code vigil trace} over a storm (output discarded, and unread) beside bpftrace's.</li>
 * </ol>
 * Usage: {@code SensorBenchmark OUT_DIR EXEC_STORM GAI_LOOP [--execs N] [--loops N] [--storm-rounds N]
 * [--calls N] [--gai-rounds N] [storm|gai|memory ...]}, with {@code -Dvigil.launcher=PATH} naming ./vigil for
 * the memory part. Progress on stderr, the tables on stdout. Root only.
 */
public final class SensorBenchmark {
    private SensorBenchmark() {
    }

    /** What to run, from the command line. */
    record Options(int execs, int loops, int stormRounds, int calls, int gaiRounds, List<String> parts) {
        static Options parse(List<String> args) {
            int execs = 20_000;
            int loops = 2;
            int stormRounds = 5;
            int calls = 10_000;
            int gaiRounds = 30;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--execs" -> execs = Integer.parseInt(args.get(++i));
                    case "--loops" -> loops = Integer.parseInt(args.get(++i));
                    case "--storm-rounds" -> stormRounds = Integer.parseInt(args.get(++i));
                    case "--calls" -> calls = Integer.parseInt(args.get(++i));
                    case "--gai-rounds" -> gaiRounds = Integer.parseInt(args.get(++i));
                    case "storm", "gai", "memory" -> parts.add(a);
                    default -> throw new IllegalArgumentException("unknown argument " + a
                            + ": --execs N, --loops N, --storm-rounds N, --calls N, --gai-rounds N, storm, gai, memory");
                }
            }
            return new Options(execs, loops, stormRounds, calls, gaiRounds,
                    parts.isEmpty() ? List.of("storm", "gai", "memory") : parts);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SensorBenchmark OUT_DIR EXEC_STORM GAI_LOOP [--execs N] [--loops N] "
                    + "[--storm-rounds N] [--calls N] [--gai-rounds N] [storm|gai ...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Options options = Options.parse(List.of(args).subList(3, args.length));
        List<String> report = new ArrayList<>();
        if (options.parts().contains("storm")) {
            report.addAll(execStorm(new ExecStormBenchmark(Path.of(args[1]), out, options.execs(), options.loops()), options));
        }
        if (options.parts().contains("gai")) {
            report.addAll(gaiLoop(new GaiLoopBenchmark(Path.of(args[2]), out, options.calls()), options));
        }
        if (options.parts().contains("memory")) {
            Path launcher = Path.of(System.getProperty("vigil.launcher", "vigil"));
            ExecStormBenchmark storm = new ExecStormBenchmark(Path.of(args[1]), out, options.execs(), options.loops());
            report.add("");
            report.addAll(new TraceMemoryBenchmark(launcher, storm, options.execs(), out).run());
        }
        System.out.println();
        report.forEach(System.out::println);
    }

    /**
     * Rounds of storms: none, then each tracer followed by another untraced storm (the order of the Vigil and
     * bpftrace runs reverses every round, auditd last). Each traced storm's slowdown is its wall time over the mean of the untraced
     * storms either side of it; the table shows medians.
     */
    private static List<String> execStorm(ExecStormBenchmark bench, Options o) throws Exception {
        progress(String.format(Locale.ROOT, "exec storm: %,d execs of /bin/true in %d loops, %d rounds of "
                + "none, vigil, none, vigil without dns, none, bpftrace, none, bpftrace+uprobes, none, auditd, none "
                + "(the order of the vigil and bpftrace runs reversing by round)",
                o.execs(), o.loops(), o.stormRounds()));
        // a deployed agent compiles its hot paths once; a short warm-up left the first measured storm paying for
        // the JIT (1.5 s of CPU against 0.15-0.3 s for later ones)
        progress("warming up Vigil's sensors (JIT) with a storm of " + Math.max(1, o.execs() / 2) + " execs");
        try {
            bench.vigil(Math.max(1, o.execs() / 2));
        } catch (Exception e) {
            progress("warm-up failed: " + e.getMessage());
        }
        Measurements none = new Measurements("none", "ms");
        Measurements vigil = new Measurements("vigil sensors (all, batched)", "ms");
        Measurements vigilNoDns = new Measurements("vigil without dns (process, socket)", "ms");
        Measurements bpftrace = new Measurements("bpftrace printf each exec > /dev/null", "ms");
        Measurements bpftraceDns = new Measurements("bpftrace as above + getaddrinfo pair", "ms");
        Measurements audit = new Measurements("auditd + execve rule", "ms");
        Map<Measurements, Measurements.Body> bodies = Map.of(vigil, () -> bench.vigil(o.execs()),
                vigilNoDns, bench::vigilWithoutDns, bpftrace, bench::bpftrace, bpftraceDns, bench::bpftraceWithLibcUprobes, audit, bench::audit);
        Map<Measurements, List<Double>> slowdowns = new HashMap<>();
        List<Double> noneSpread = new ArrayList<>();
        Run previous = untraced(none, 0, bench);
        for (int round = 0; round < o.stormRounds(); round++) {
            String tag = "exec storm round " + (round + 1) + "/" + o.stormRounds() + ": ";
            List<Measurements> order = round % 2 == 0 ? List.of(vigil, vigilNoDns, bpftrace, bpftraceDns, audit)
                    : List.of(bpftraceDns, bpftrace, vigilNoDns, vigil, audit);
            for (Measurements tracer : order) {
                progress(tag + tracer.tracer);
                Run traced = tracer.measure(round, bodies.get(tracer));
                progress(tag + "no tracer");
                Run next = untraced(none, round, bench);
                double baseline = (previous.value() + next.value()) / 2;
                noneSpread.add(next.value() / previous.value());
                if (traced != null) {
                    slowdowns.computeIfAbsent(tracer, k -> new ArrayList<>()).add(traced.value() / baseline);
                }
                previous = next;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "exec storm: %,d fork+exec of /bin/true in %d parallel loops; %d rounds; "
                + "slowdown = wall / mean of the untraced storms right before and after; medians; events and drops summed",
                o.execs(), o.loops(), o.stormRounds()));
        lines.add(String.format(Locale.ROOT, "%-40s %10s %9s %18s %8s %11s", "tracer", "wall", "slowdown", "events",
                "drops", "tracer CPU"));
        for (Measurements m : List.of(none, vigil, vigilNoDns, bpftrace, bpftraceDns, audit)) {
            if (!m.measured()) {
                lines.add(String.format(Locale.ROOT, "%-40s unavailable: %s", m.tracer, m.unavailable));
                continue;
            }
            double slowdown = m == none ? 1.0 : medianOf(slowdowns.getOrDefault(m, List.of()));
            lines.add(String.format(Locale.ROOT, "%-40s %8.2f s %8.2fx %18s %8s %11s%s", m.tracer, m.medianValue() / 1000,
                    slowdown, m.events(), m.drops(), m.cpu(),
                    (m == none ? String.format(Locale.ROOT, "  (one untraced storm to the next: %.2fx-%.2fx)",
                            noneSpread.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                            noneSpread.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN))
                            : m == bpftrace || m == bpftraceDns ? "  (events = execs - lost: output discarded)"
                            : m == audit ? "  (CPU: auditd + kauditd)" : "") + m.failureNote()));
        }
        lines.add("");
        if (vigil.measured()) {
            long delivered = vigil.runs.stream().mapToLong(Run::delivered).sum();
            double cpu = vigil.runs.stream().mapToLong(Run::cpuNanos).sum() / 1e9;
            lines.add(String.format(Locale.ROOT, "agent CPU per 1,000 events delivered into the event store: %.4f s "
                    + "(exec storm under Vigil: %,d events of every kind in %.2f s of JVM CPU)", cpu / delivered * 1000,
                    delivered, cpu));
        }
        lines.add("targets: zero loss (vigil " + lossVerdict(vigil) + ", without dns " + lossVerdict(vigilNoDns)
                + "); slowdown no worse than bpftrace's (all sensors vs exec-only " + compare(slowdowns, vigil, bpftrace)
                + "; like with like: without dns vs exec-only " + compare(slowdowns, vigilNoDns, bpftrace)
                + ", all sensors vs exec + getaddrinfo pair " + compare(slowdowns, vigil, bpftraceDns)
                + "); far below auditd's (" + compare(slowdowns, vigil, audit) + ")");
        lines.add("");
        return lines;
    }

    /** An untraced storm; the benchmark cannot go on without one. */
    private static Run untraced(Measurements none, int round, ExecStormBenchmark bench) {
        Run run = none.measure(round, bench::none);
        if (run == null) {
            throw new IllegalStateException("the exec storm failed without a tracer: " + none.unavailable);
        }
        return run;
    }

    private static String lossVerdict(Measurements m) {
        if (!m.measured()) {
            return "not measured";
        }
        return m.totalEvents() == m.totalExpected() && m.totalDrops() == 0 ? "met" : "MISSED";
    }

    private static String compare(Map<Measurements, List<Double>> slowdowns, Measurements vigil, Measurements other) {
        if (!slowdowns.containsKey(vigil) || !slowdowns.containsKey(other)) {
            return "not measured";
        }
        return String.format(Locale.ROOT, "%.2fx vs %.2fx", medianOf(slowdowns.get(vigil)), medianOf(slowdowns.get(other)));
    }

    /**
     * Rounds of chunks in one loop process: none, vigil, none, bpftrace, none, bpftrace, none, vigil, ..., each slot
     * a chunk per host. Each traced chunk's overhead is its time per call minus the mean of the untraced chunks of
     * the same host either side of it.
     */
    private static List<String> gaiLoop(GaiLoopBenchmark bench, Options o) throws Exception {
        List<String> hosts = GaiLoopBenchmark.HOSTS;
        progress(String.format(Locale.ROOT, "getaddrinfo loop: %d rounds of %,d-call chunks for each of %s: none, "
                + "vigil dns, none, bpftrace, none (the tracers' order alternating by round)", o.gaiRounds(), o.calls(),
                String.join(" and ", hosts)));
        List<Measurements> none = new ArrayList<>();
        List<Measurements> vigil = new ArrayList<>();
        List<Measurements> bpftrace = new ArrayList<>();
        for (String host : hosts) {
            none.add(new Measurements("none (" + host + ")", "ns/call"));
            vigil.add(new Measurements("vigil dns sensor (" + host + ")", "ns/call"));
            bpftrace.add(new Measurements("bpftrace pair (" + host + ")", "ns/call"));
        }
        List<List<Double>> vigilOverheads = new ArrayList<>();
        List<List<Double>> bpftraceOverheads = new ArrayList<>();
        hosts.forEach(h -> {
            vigilOverheads.add(new ArrayList<>());
            bpftraceOverheads.add(new ArrayList<>());
        });
        try (GaiLoopBenchmark.Loop loop = bench.start()) {
            progress("warming up Vigil's DNS sensor (JIT) with one chunk per host");
            try {
                bench.vigil(loop);
            } catch (Exception e) {
                progress("warm-up failed: " + e.getMessage());
            }
            List<Run> before = Measurements.measureEach(none, () -> GaiLoopBenchmark.untraced(loop));
            for (int round = 0; round < o.gaiRounds(); round++) {
                String tag = "getaddrinfo round " + (round + 1) + "/" + o.gaiRounds() + ": ";
                // the order alternates, so that neither tracer always follows the other's teardown
                boolean vigilFirst = round % 2 == 0;
                for (int slot = 0; slot < 2; slot++) {
                    boolean isVigil = (slot == 0) == vigilFirst;
                    progress(tag + (isVigil ? "vigil" : "bpftrace"));
                    List<Run> traced = isVigil ? Measurements.measureEach(vigil, () -> bench.vigil(loop))
                            : Measurements.measureEach(bpftrace, () -> bench.bpftrace(loop));
                    List<Run> after = Measurements.measureEach(none, () -> GaiLoopBenchmark.untraced(loop));
                    for (int h = 0; h < hosts.size(); h++) {
                        (isVigil ? vigilOverheads : bpftraceOverheads).get(h)
                                .add(overhead(traced.get(h), before.get(h), after.get(h)));
                    }
                    before = after;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "getaddrinfo loop in one process: %d rounds of %,d-call chunks per tracer "
                + "and host (%,d traced calls each), untraced chunks between them; overhead = chunk - mean of the "
                + "untraced chunks of the host either side; medians; events and drops summed", o.gaiRounds(), o.calls(),
                (long) o.gaiRounds() * o.calls()));
        lines.add(String.format(Locale.ROOT, "%-40s %10s %10s %20s %8s %11s", "tracer", "per call", "overhead",
                "events", "drops", "tracer CPU"));
        List<String> verdicts = new ArrayList<>();
        for (int h = 0; h < hosts.size(); h++) {
            double vigilOverhead = medianOf(vigilOverheads.get(h));
            double bpftraceOverhead = medianOf(bpftraceOverheads.get(h));
            for (Measurements m : List.of(none.get(h), vigil.get(h), bpftrace.get(h))) {
                if (!m.measured()) {
                    lines.add(String.format(Locale.ROOT, "%-40s unavailable: %s", m.tracer, m.unavailable));
                    continue;
                }
                double over = m == vigil.get(h) ? vigilOverhead : m == bpftrace.get(h) ? bpftraceOverhead : 0;
                lines.add(String.format(Locale.ROOT, "%-40s %7.0f ns %+7.0f ns %20s %8s %11s", m.tracer, m.medianValue(),
                        over, m.events(), m.drops(), m.cpu()) + m.failureNote());
            }
            if (!Double.isNaN(vigilOverhead) && !Double.isNaN(bpftraceOverhead)) {
                double ratio = vigilOverhead / bpftraceOverhead;
                double[] interval = Stats.bootstrapRatioOfMedians(vigilOverheads.get(h), bpftraceOverheads.get(h), 2000, 0.8);
                verdicts.add(String.format(Locale.ROOT, "%s %.2fx %s (80%% of bootstrap resamples of the rounds: "
                        + "%.2fx-%.2fx)", hosts.get(h), ratio, ratio <= 1.5 ? "met" : "MISSED", interval[0], interval[1]));
            }
        }
        lines.add("");
        if (!verdicts.isEmpty()) {
            lines.add("per-call overhead, vigil / bare bpftrace pair, target <= 1.5x: " + String.join("; ", verdicts));
        }
        long delivered = vigil.stream().flatMap(m -> m.runs.stream()).mapToLong(Run::delivered).sum();
        if (delivered > 0) {
            double cpu = vigil.stream().flatMap(m -> m.runs.stream()).mapToLong(Run::cpuNanos).sum() / 1e9;
            lines.add(String.format(Locale.ROOT, "agent CPU per 1,000 DNS events delivered into the event store: %.4f s "
                    + "(%,d events in %.2f s of JVM CPU)", cpu / delivered * 1000, delivered, cpu));
        }
        return lines;
    }

    /** A traced chunk's ns per call minus the mean of the untraced chunks around it; NaN if any of them failed. */
    private static double overhead(Run traced, Run before, Run after) {
        if (traced == null || before == null || after == null) {
            return Double.NaN;
        }
        return traced.value() - (before.value() + after.value()) / 2;
    }

    /** The median of the values that are numbers; NaN if there are none. */
    private static double medianOf(List<Double> values) {
        double[] numbers = values.stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).toArray();
        return numbers.length == 0 ? Double.NaN : Stats.median(numbers);
    }

    static void progress(String message) {
        System.err.println("bench: " + message);
    }
}
