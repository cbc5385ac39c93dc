package dev.vigil.cli;

import dev.vigil.sensors.EventFormatter;
import dev.vigil.sensors.SensorEvent;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorRuntime;
import dev.vigil.sensors.SensorStatus;
import dev.vigil.sensors.TraceFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code vigil trace [exec|exit|fork|connect|accept|bind|listen|dns|all ...] [--json] [--pid N] [--comm NAME]}:
 * a live stream of events, like execsnoop, tcpconnect and gethostlatency together, in low-latency mode. Runs
 * until Ctrl-C, {@code --duration} or {@code --count}.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Watch processes, sockets and DNS lookups live through eBPF (needs root).")
final class TraceCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(paramLabel = "KIND", arity = "0..*",
            description = "Event kinds: exec, exit, fork, connect, accept, bind, listen, dns or all (default all)")
    List<String> kinds = List.of();

    @Option(names = "--json", description = "Print one JSON object per line instead of aligned columns")
    boolean json;

    @Option(names = "--pid", paramLabel = "N", description = "Only events of this process")
    Integer pid;

    @Option(names = "--comm", paramLabel = "NAME", description = "Only events of processes with this command name")
    String comm;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many seconds")
    Double seconds;

    @Option(names = "--count", paramLabel = "N", description = "Stop after printing this many events")
    Long count;

    @Override
    public Integer call() throws Exception {
        TraceFilter filter;
        try {
            filter = new TraceFilter(new HashSet<>(kinds.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList()), pid, comm);
        } catch (IllegalArgumentException e) {
            System.err.println("vigil trace: " + e.getMessage());
            return 2;
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        SensorOptions options = SensorOptions.defaults().withLowLatency(true).withSensors(filter.sensors());
        try (SensorRuntime sensors = SensorRuntime.start(options, System.err::println)) {
            List<SensorStatus> running = sensors.statuses().stream()
                    .filter(s -> s.state() == SensorStatus.State.RUNNING).toList();
            if (running.isEmpty()) {
                System.err.println("vigil trace: no sensor could start (see above); run as root on a kernel with BPF");
                return 1;
            }
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong printed = new AtomicLong();
            Runtime.getRuntime().addShutdownHook(new Thread(done::countDown));
            if (!json) {
                out.println(EventFormatter.header());
                out.flush();
            }
            try (SensorRuntime.Subscription ignored = sensors.subscribe(event -> print(event, filter, out, printed, done))) {
                System.err.println("vigil trace: tracing with " + String.join(", ",
                        running.stream().map(SensorStatus::sensor).toList()) + " (Ctrl-C to stop)");
                if (seconds != null) {
                    done.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
                } else {
                    done.await();
                }
            }
            out.flush();
        }
        return 0;
    }

    private void print(SensorEvent event, TraceFilter filter, PrintStream out, AtomicLong printed, CountDownLatch done) {
        if (!filter.test(event) || done.getCount() == 0) {
            return;
        }
        synchronized (out) {
            out.println(json ? EventFormatter.json(event) : EventFormatter.line(event));
            out.flush();
        }
        if (count != null && printed.incrementAndGet() >= count) {
            done.countDown();
        }
    }
}
