package dev.vigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One tracer's runs over the rounds of a benchmark, or why it could not run. Aggregates by median (these machines
 * are noisy) and events by sum (loss anywhere shows).
 */
final class Measurements {
    final String tracer;
    private final String unit;
    final List<Run> runs = new ArrayList<>();
    String unavailable;
    int failures;

    /** @param unit of Run.value, for progress lines: "ms" (exec storm) or "ns/call" (getaddrinfo) */
    Measurements(String tracer, String unit) {
        this.tracer = tracer;
        this.unit = unit;
    }

    /** Runs body once and returns its run; on failure keeps the first reason (the row shows it) and returns null. */
    Run measure(int round, Body body) {
        try {
            return add(body.run());
        } catch (Exception e) {
            fail(e);
            return null;
        }
    }

    /**
     * Runs body once for several measurements at a time (one run each, in order: the chunks of one attachment); on
     * failure each keeps the reason and the result is a list of nulls.
     */
    static List<Run> measureEach(List<Measurements> each, Bodies body) {
        List<Run> runs = new ArrayList<>();
        try {
            List<Run> measured = body.run();
            if (measured.size() != each.size()) {
                throw new IllegalStateException(measured.size() + " runs for " + each.size() + " measurements");
            }
            for (int i = 0; i < each.size(); i++) {
                runs.add(each.get(i).add(measured.get(i)));
            }
        } catch (Exception e) {
            runs.clear();
            for (Measurements m : each) {
                m.fail(e);
                runs.add(null);
            }
        }
        return runs;
    }

    private Run add(Run run) {
        runs.add(run);
        SensorBenchmark.progress(String.format(Locale.ROOT, "  %s: %.1f %s%s", tracer, run.value(), unit,
                run.events() < 0 ? "" : String.format(Locale.ROOT, ", events %d/%d, drops %d, cpu %.2f s",
                        run.events(), run.expected(), run.drops(), run.cpuNanos() / 1e9)));
        return run;
    }

    private void fail(Exception e) {
        failures++;
        if (unavailable == null) {
            unavailable = e.getMessage();
        }
        SensorBenchmark.progress(tracer + " unavailable: " + e.getMessage());
    }

    interface Body {
        Run run() throws Exception;
    }

    interface Bodies {
        List<Run> run() throws Exception;
    }

    /** For a row with figures: the rounds that failed and the first reason; "" if none failed. */
    String failureNote() {
        return failures == 0 ? "" : String.format(Locale.ROOT, "  (%d of %d runs failed: %s)", failures,
                failures + runs.size(), unavailable);
    }

    boolean measured() {
        return !runs.isEmpty();
    }

    double medianValue() {
        return Stats.median(runs.stream().mapToDouble(Run::value).toArray());
    }

    long totalEvents() {
        return runs.stream().mapToLong(Run::events).sum();
    }

    long totalExpected() {
        return runs.stream().mapToLong(Run::expected).sum();
    }

    long totalDrops() {
        return runs.stream().mapToLong(Run::drops).sum();
    }

    double medianCpuSeconds() {
        return Stats.median(runs.stream().mapToDouble(r -> r.cpuNanos() / 1e9).toArray());
    }

    boolean untraced() {
        return runs.getFirst().events() < 0;
    }

    String events() {
        return untraced() ? "-" : String.format(Locale.ROOT, "%,d/%,d", totalEvents(), totalExpected());
    }

    String drops() {
        return untraced() || runs.getFirst().drops() < 0 ? "-" : String.format(Locale.ROOT, "%,d", totalDrops());
    }

    String cpu() {
        return untraced() ? "-" : String.format(Locale.ROOT, "%.2f s", medianCpuSeconds());
    }
}
