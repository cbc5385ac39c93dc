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
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    /**
     * How long an event waits for others that happened before it: each sensor delivers through its own reader,
     * so without it an exec could print after the connect its program made. Short enough to go unnoticed.
     */
    static final Duration ORDER_WINDOW = Duration.ofMillis(50);

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
            CountDownLatch flushed = new CountDownLatch(1);
            AtomicLong printed = new AtomicLong();
            // Ctrl-C: stop, and let the events already held be printed before the JVM exits
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                done.countDown();
                try {
                    flushed.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            if (!json) {
                out.println(EventFormatter.header());
                out.flush();
            }
            TimeOrder order = new TimeOrder(ORDER_WINDOW, event -> print(event, out, printed, done));
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "vigil-trace-order");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> {
                try {
                    order.release(System.nanoTime());
                } catch (RuntimeException e) { // an exception would end the schedule, and with it the stream
                    System.err.println("vigil trace: could not print an event: " + e);
                }
            }, 5, 5, TimeUnit.MILLISECONDS);
            try (SensorRuntime.Subscription ignored = sensors.subscribe(event -> {
                if (filter.test(event)) {
                    order.offer(event, System.nanoTime());
                }
            })) {
                System.err.println("vigil trace: tracing with " + String.join(", ",
                        running.stream().map(SensorStatus::sensor).toList()) + " (Ctrl-C to stop)");
                if (seconds != null) {
                    done.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
                } else {
                    done.await();
                }
            } finally {
                ticker.shutdownNow();
                order.flush();
                out.flush();
                flushed.countDown();
            }
        }
        return 0;
    }

    /** Prints an event, unless --count is already reached. Runs under the TimeOrder's lock: one at a time. */
    private void print(SensorEvent event, PrintStream out, AtomicLong printed, CountDownLatch done) {
        if (count != null && printed.get() >= count) {
            return;
        }
        out.println(json ? EventFormatter.json(event) : EventFormatter.line(event));
        out.flush();
        if (count != null && printed.incrementAndGet() >= count) {
            done.countDown();
        }
    }
}
