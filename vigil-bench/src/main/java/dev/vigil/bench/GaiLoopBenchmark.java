package dev.vigil.bench;

import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorRuntime;
import dev.vigil.sql.Engine;
import dev.vigil.sql.Session;
import dev.vigil.sql.SqlException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name-lookup loop (bench/c/gai_loop.c: getaddrinfo + freeaddrinfo) under each tracer. One loop process serves
 * the whole benchmark, a chunk of calls per request, and tracers are attached and detached between chunks:
 * untraced chunks run between traced ones, so each traced chunk is compared with the untraced chunks right before
 * and after it, in the same process. Each attachment runs one chunk per host of {@link #HOSTS}. A tracer that cannot
 * run throws IOException with the reason.
 */
final class GaiLoopBenchmark {
    private static final Pattern LDD_LIBC = Pattern.compile("libc\\.so\\.6 => (\\S+)");

    /**
     * The names looked up, a chunk each: "localhost" resolves through /etc/hosts (files opened and read, ~15 µs a
     * call here, which varies by a few µs from chunk to chunk), "127.0.0.1" is parsed in place (~0.2 µs). The
     * probes do the same work for both: the second shows their cost without a noisy call around it.
     */
    static final List<String> HOSTS = List.of("localhost", "127.0.0.1");

    private final Path binary;
    private final Path outDir;
    private final int calls;

    /** @param calls per chunk */
    GaiLoopBenchmark(Path binary, Path outDir, int calls) {
        this.binary = binary;
        this.outDir = outDir;
        this.calls = calls;
    }

    /** The running loop process; close ends it. */
    static final class Loop implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final Writer in;
        final long pid;

        private Loop(Process process) throws IOException {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            String ready = out.readLine();
            if (ready == null || !ready.startsWith("ready ")) {
                close();
                throw new IOException("gai_loop did not start (said " + ready + ")");
            }
            this.pid = Long.parseLong(ready.substring("ready ".length()));
        }

        /** Runs one chunk of lookups of host; returns the mean ns per call. */
        double chunk(String host) throws IOException {
            in.write("run " + host + "\n");
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IOException("gai_loop ended during a chunk (a lookup failed; see its stderr above)");
            }
            return Double.parseDouble(line.split(" ")[0]);
        }

        @Override
        public void close() throws IOException {
            in.close();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One untraced chunk per host. */
    static List<Run> untraced(Loop loop) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (String host : HOSTS) {
            runs.add(Run.untraced(loop.chunk(host)));
        }
        return runs;
    }

    /** Starts the loop process (it warms up with 1,000 untraced calls per host). */
    Loop start() throws IOException {
        return new Loop(new ProcessBuilder(binary.toString(), Integer.toString(calls))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /**
     * One chunk per host under Vigil's DNS sensor alone (default batched options, in this JVM), started for them and
     * idle before they run, as bpftrace is attached before its own. Each chunk's events are counted as a user would
     * see them, by a query of dns_lookup_events afterwards: a live subscriber would add its own cost per event.
     */
    List<Run> vigil(Loop loop) throws IOException, InterruptedException, SqlException {
        try (SensorRuntime sensors = SensorRuntime.start(SensorOptions.defaults().withSensors(Set.of("dns")),
                SensorBenchmark::progress)) {
            ExecStormBenchmark.requireRunning(sensors, "dns");
            Engine.Builder builder = Engine.builder();
            sensors.tables().forEach(builder::addTable);
            try (Engine engine = builder.build(); Session session = engine.openSession()) {
                List<Run> runs = new ArrayList<>();
                for (String host : HOSTS) {
                    String count = "SELECT count(*) FROM dns_lookup_events WHERE pid = " + loop.pid
                            + " AND host = '" + host + "'";
                    LongSupplier lookups = () -> {
                        try {
                            return ((Number) session.query(count).rows().getFirst().getFirst()).longValue();
                        } catch (SqlException e) {
                            throw new IllegalStateException("counting the chunk's events: " + e.getMessage(), e);
                        }
                    };
                    Settle.untilIdle();
                    EventTally.Counters before = EventTally.Counters.of(sensors.statuses());
                    long cpu0 = JvmCpu.nanos();
                    double nanosPerCall = loop.chunk(host);
                    Thread.sleep(2 * SensorOptions.defaults().pollTimeout().toMillis()); // the last batch's delivery
                    long cpuNanos = JvmCpu.nanos() - cpu0;
                    Settle.until(lookups, calls); // the count's own queries are not the agent's cost
                    EventTally.Counters delta = EventTally.Counters.of(sensors.statuses()).minus(before);
                    runs.add(new Run(nanosPerCall, lookups.getAsLong(), calls, delta.dropped() + delta.malformed(),
                            cpuNanos, delta.delivered()));
                }
                return runs;
            }
        }
    }

    /**
     * One chunk per host under the bare probe mechanism: bpftrace counting entries and returns of the same
     * getaddrinfo, attached and idle (its compiler done) before the chunks, as Vigil is before its own. Between
     * chunks bpftrace prints its counts (SIGUSR1), so each chunk's events are known.
     */
    List<Run> bpftrace(Loop loop) throws IOException, InterruptedException {
        String libc = libcOf(binary);
        String script = "uprobe:" + libc + ":getaddrinfo { @calls = count(); } uretprobe:" + libc
                + ":getaddrinfo { @returns = count(); }";
        ProcessCpu cpu = ProcessCpu.host();
        double[] nanosPerCall = new double[HOSTS.size()];
        long[] cpuNanos = new long[HOSTS.size()];
        Bpftrace tracer = Bpftrace.start(script, outDir.resolve("bpftrace-gai.out"), outDir.resolve("bpftrace-gai.err"), 2);
        try {
            tracer.untilIdle(cpu);
            for (int i = 0; i < HOSTS.size(); i++) {
                if (i > 0) {
                    tracer.printMaps("returns");
                    tracer.untilIdle(cpu);
                }
                long cpu0 = cpu.nanos(tracer.pid());
                nanosPerCall[i] = loop.chunk(HOSTS.get(i));
                cpuNanos[i] = cpu.nanos(tracer.pid()) - cpu0;
            }
        } finally {
            tracer.close();
        }
        List<Long> entries = tracer.mapCounts("calls");
        List<Long> returns = tracer.mapCounts("returns");
        if (entries.size() != HOSTS.size() || returns.size() != HOSTS.size()) {
            throw new IOException("bpftrace printed its counts " + returns.size() + " times, not " + HOSTS.size()
                    + " (" + tracer.exitDescription() + ")");
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < HOSTS.size(); i++) {
            long previous = i == 0 ? 0 : Math.min(entries.get(i - 1), returns.get(i - 1));
            long events = Math.min(entries.get(i), returns.get(i)) - previous;
            runs.add(new Run(nanosPerCall[i], events, calls, 0, cpuNanos[i], -1));
        }
        return runs;
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
