package dev.vigil.bench;

import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorRuntime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name-lookup loop (bench/c/gai_loop.c: getaddrinfo("localhost") + freeaddrinfo CALLS times) under each
 * tracer. A tracer that cannot run throws IOException with the reason.
 */
final class GaiLoopBenchmark {
    private static final Pattern LDD_LIBC = Pattern.compile("libc\\.so\\.6 => (\\S+)");

    private final Path binary;
    private final Path outDir;
    private final int calls;

    GaiLoopBenchmark(Path binary, Path outDir, int calls) {
        this.binary = binary;
        this.outDir = outDir;
        this.calls = calls;
    }

    /** One loop: mean ns per call and all getaddrinfo calls it made (warm-up included). */
    record Loop(double nanosPerCall, long totalCalls) {
    }

    /** Runs the loop; started receives its pid as soon as it runs. */
    Loop loop(int count, LongConsumer started) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), Integer.toString(count))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        started.accept(p.pid());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("gai_loop failed (" + out + ")");
        }
        // "<ns per call> <calls timed> <calls made, warm-up included>"
        String[] fields = out.split(" ");
        return new Loop(Double.parseDouble(fields[0]), Long.parseLong(fields[2]));
    }

    Run none() throws IOException, InterruptedException {
        return Run.untraced(loop(calls, pid -> { }).nanosPerCall());
    }

    /** Vigil's DNS sensor alone, default batched options, in this JVM. */
    Run vigil(int count) throws IOException, InterruptedException {
        try (SensorRuntime sensors = SensorRuntime.start(SensorOptions.defaults().withSensors(Set.of("dns")),
                SensorBenchmark::progress)) {
            ExecStormBenchmark.requireRunning(sensors, "dns");
            EventTally tally = new EventTally("");
            try (SensorRuntime.Subscription ignored = sensors.subscribe(tally)) {
                EventTally.Counters before = EventTally.Counters.of(sensors.statuses());
                long cpu0 = JvmCpu.nanos();
                long[] pid = new long[1];
                Loop l = loop(count, started -> pid[0] = started);
                Settle.until(() -> tally.lookupsBy(pid[0]), l.totalCalls());
                long cpuNanos = JvmCpu.nanos() - cpu0;
                EventTally.Counters delta = EventTally.Counters.of(sensors.statuses()).minus(before);
                return new Run(l.nanosPerCall(), tally.lookupsBy(pid[0]), l.totalCalls(),
                        delta.dropped() + delta.malformed(), cpuNanos, delta.delivered());
            }
        }
    }

    /** The bare probe mechanism: bpftrace counting entries and returns of the same libc's getaddrinfo. */
    Run bpftrace() throws IOException, InterruptedException {
        String libc = libcOf(binary);
        String script = "uprobe:" + libc + ":getaddrinfo { @calls = count(); } uretprobe:" + libc
                + ":getaddrinfo { @returns = count(); }";
        ProcessCpu cpu = ProcessCpu.host();
        Loop l;
        long cpuNanos;
        Bpftrace tracer = Bpftrace.start(script, outDir.resolve("bpftrace-gai.out"), outDir.resolve("bpftrace-gai.err"), 2);
        try {
            long cpu0 = cpu.nanos(tracer.pid());
            l = loop(calls, pid -> { });
            cpuNanos = cpu.nanos(tracer.pid()) - cpu0;
        } finally {
            tracer.close();
        }
        long entries = tracer.mapCount("calls");
        long returns = tracer.mapCount("returns");
        if (entries < 0 || returns < 0) {
            throw new IOException("bpftrace printed no counts at exit (" + tracer.exitDescription() + ")");
        }
        return new Run(l.nanosPerCall(), Math.min(entries, returns), l.totalCalls(), 0, cpuNanos, -1);
    }

    /** The libc the binary is linked against, from ldd(1). */
    static String libcOf(Path binary) throws IOException, InterruptedException {
        Matcher m = LDD_LIBC.matcher(Command.output("ldd", binary.toString()));
        if (!m.find()) {
            throw new IOException("ldd " + binary + " names no libc.so.6");
        }
        return m.group(1);
    }
}
