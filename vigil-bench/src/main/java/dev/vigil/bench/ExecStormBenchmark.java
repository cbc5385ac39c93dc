package dev.vigil.bench;

import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorRuntime;
import dev.vigil.sensors.SensorStatus;
import dev.vigil.sensors.process.ProcessSensor;
import dev.vigil.sensors.socket.SocketSensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The exec storm (bench/c/exec_storm.c: LOOPS workers fork+exec /bin/true EXECS times in all) under each tracer.
 * Each method runs the storm once and measures the tracer over it; a tracer that cannot run throws IOException
 * with the reason.
 */
final class ExecStormBenchmark {
    static final String BPFTRACE_SCRIPT = "tracepoint:sched:sched_process_exec { printf(\"%d %s\\n\", pid, comm); }";

    private final Path binary;
    private final Path outDir;
    private final int execs;
    private final int loops;
    private final ProcessCpu cpu = ProcessCpu.host();

    ExecStormBenchmark(Path binary, Path outDir, int execs, int loops) {
        this.binary = binary;
        this.outDir = outDir;
        this.execs = execs;
        this.loops = loops;
    }

    /** One storm: its wall time and the pids of its workers (the parents of every /bin/true). */
    record Storm(long wallNanos, List<Long> workers) {
    }

    Storm storm(int count) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), Integer.toString(count), Integer.toString(loops))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("exec_storm failed (" + out + ")");
        }
        // "<wall ns> <execs ok> <worker,pids>"
        String[] fields = out.split(" ");
        return new Storm(Long.parseLong(fields[0]), Arrays.stream(fields[2].split(",")).map(Long::valueOf).toList());
    }

    Run none() throws IOException, InterruptedException {
        return Run.untraced(storm(execs).wallNanos() / 1e6);
    }

    /**
     * Vigil's sensors (all of them, default batched options) in this JVM, idle before the storm as bpftrace and
     * auditd are ready before theirs.
     */
    Run vigil(int count) throws IOException, InterruptedException {
        return vigil(count, SensorOptions.defaults());
    }

    /**
     * Vigil's process and socket sensors, as {@code ./vigil --without-sensor dns} runs them: no libc uprobes, like
     * bpftrace's exec-only script.
     */
    Run vigilWithoutDns() throws IOException, InterruptedException {
        return vigil(execs, SensorOptions.defaults().withSensors(Set.of(ProcessSensor.NAME, SocketSensor.NAME)));
    }

    private Run vigil(int count, SensorOptions options) throws IOException, InterruptedException {
        try (SensorRuntime sensors = SensorRuntime.start(options, SensorBenchmark::progress)) {
            requireRunning(sensors, "process");
            Settle.untilIdle();
            EventTally tally = new EventTally("true");
            try (SensorRuntime.Subscription ignored = sensors.subscribe(tally)) {
                EventTally.Counters before = EventTally.Counters.of(sensors.statuses());
                long cpu0 = JvmCpu.nanos();
                Storm s = storm(count);
                Settle.until(() -> tally.execsBy(s.workers()), count);
                long cpuNanos = JvmCpu.nanos() - cpu0;
                EventTally.Counters delta = EventTally.Counters.of(sensors.statuses()).minus(before);
                return new Run(s.wallNanos() / 1e6, tally.execsBy(s.workers()), count, delta.dropped() + delta.malformed(),
                        cpuNanos, delta.delivered());
            }
        }
    }

    static void requireRunning(SensorRuntime sensors, String name) throws IOException {
        for (SensorStatus s : sensors.statuses()) {
            if (s.sensor().equals(name) && s.state() != SensorStatus.State.RUNNING) {
                throw new IOException("sensor " + name + " " + s.state().label() + ": " + s.reason());
            }
        }
    }

    /**
     * bpftrace printing every exec to /dev/null. Its output is discarded, so events received are execs minus the
     * events it reported lost.
     */
    Run bpftrace() throws IOException, InterruptedException {
        return bpftrace(BPFTRACE_SCRIPT, 1);
    }

    /**
     * The same with a bare uprobe+uretprobe count() on libc's getaddrinfo too: what any uprobe-based DNS tracer
     * costs every new process (the kernel writes the breakpoints into each process that maps libc), to compare
     * with Vigil's sensors, DNS included.
     */
    Run bpftraceWithLibcUprobes() throws IOException, InterruptedException {
        String libc = GaiLoopBenchmark.libcOf(Path.of("/bin/true"));
        return bpftrace(BPFTRACE_SCRIPT + " uprobe:" + libc + ":getaddrinfo { @calls = count(); } uretprobe:" + libc
                + ":getaddrinfo { @returns = count(); }", 3);
    }

    private Run bpftrace(String script, int probes) throws IOException, InterruptedException {
        long cpuNanos;
        Storm s;
        Bpftrace tracer = Bpftrace.start(script, Path.of("/dev/null"), outDir.resolve("bpftrace-exec.err"), probes);
        try {
            tracer.untilIdle(cpu);
            long cpu0 = cpu.nanos(tracer.pid());
            s = storm(execs);
            LongSupplier used = () -> cpuOrZero(tracer.pid());
            Settle.untilSteady(used);
            cpuNanos = used.getAsLong() - cpu0;
        } finally {
            tracer.close();
        }
        long lost = tracer.lostEvents();
        return new Run(s.wallNanos() / 1e6, Math.max(0, execs - lost), execs, lost, cpuNanos, -1);
    }

    /** auditd with an execve rule; tracer CPU is auditd's plus the kernel's kauditd thread's. */
    Run audit() throws IOException, InterruptedException {
        try (AuditSession audit = AuditSession.start(outDir.resolve("audit"))) {
            long kauditd = cpu.pidOf("kauditd");
            LongSupplier used = () -> cpuOrZero(audit.daemonPid()) + (kauditd > 0 ? cpuOrZero(kauditd) : 0);
            long lost0 = audit.lost();
            long cpu0 = used.getAsLong();
            Storm s = storm(execs);
            Settle.untilSteady(used);
            Settle.untilSteady(audit::logBytes);
            long cpuNanos = used.getAsLong() - cpu0;
            long events = audit.execRecords("true", Set.copyOf(s.workers()));
            return new Run(s.wallNanos() / 1e6, events, execs, audit.lost() - lost0, cpuNanos, -1);
        }
    }

    private long cpuOrZero(long pid) {
        try {
            return cpu.nanos(pid);
        } catch (IOException gone) {
            return 0;
        }
    }
}
