package dev.vigil.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The memory a live trace takes under an exec storm, beside bpftrace doing the same job: {@code ./vigil trace exec
 * exit fork --json} (the launcher, its heap limit and all) with its output discarded, and again with a reader that
 * reads nothing until the storm is over (the trace holds what it can and counts the rest), against bpftrace printing
 * every exec. Peak RSS (VmHWM) of the tracer process, and RSS sampled every 100 ms.
 */
final class TraceMemoryBenchmark {
    private final Path launcher;
    private final ExecStormBenchmark storm;
    private final int execs;
    private final Path outDir;

    TraceMemoryBenchmark(Path launcher, ExecStormBenchmark storm, int execs, Path outDir) {
        this.launcher = launcher;
        this.storm = storm;
        this.execs = execs;
        this.outDir = outDir;
    }

    List<String> run() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "memory of a live trace during an exec storm of %,d execs: peak RSS (VmHWM) "
                + "of the tracer process", execs));
        lines.add(String.format(Locale.ROOT, "%-52s %12s", "tracer", "peak RSS"));
        lines.add(row("vigil trace exec exit fork --json > /dev/null", trace(false)));
        lines.add(row("vigil trace exec exit fork --json | (unread)", trace(true)));
        lines.add(row("bpftrace printf each exec > /dev/null", bpftrace()));
        return lines;
    }

    private static String row(String name, String peak) {
        return String.format(Locale.ROOT, "%-52s %12s", name, peak);
    }

    /** The trace's peak RSS over a storm; with {@code unread}, its output is read only after the storm. */
    private String trace(boolean unread) throws Exception {
        SensorBenchmark.progress("memory: vigil trace" + (unread ? " with an unread pipe" : ""));
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "trace", "exec", "exit", "fork", "--json");
        if (!unread) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = pb.start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = err.readLine()) != null && !line.contains("tracing with")) {
                if (!p.isAlive()) {
                    return "unavailable: " + line;
                }
            }
            Thread.ofVirtual().start(() -> drain(err));
            storm.storm(execs);
            Thread.sleep(500);
            long peak = peakKb(p.pid());
            if (unread) {
                Thread.ofVirtual().start(() -> drain(new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))));
            }
            return mib(peak);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String bpftrace() throws Exception {
        SensorBenchmark.progress("memory: bpftrace");
        try (Bpftrace tracer = Bpftrace.start(ExecStormBenchmark.BPFTRACE_SCRIPT, Path.of("/dev/null"),
                outDir.resolve("bpftrace-memory.err"), 1)) {
            storm.storm(execs);
            return mib(peakKb(tracer.pid()));
        } catch (IOException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    private static void drain(BufferedReader in) {
        try {
            while (in.readLine() != null) {
                // discard
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** VmHWM, the peak resident set, in KiB. */
    private static long peakKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.substring(6).replace("kB", "").strip());
            }
        }
        throw new IOException("no VmHWM for pid " + pid);
    }

    private static String mib(long kb) {
        return String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
    }
}
