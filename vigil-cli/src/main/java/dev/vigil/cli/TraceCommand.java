package dev.vigil.cli;

import dev.vigil.cli.output.Output;
import dev.vigil.sensors.EventFormatter;
import dev.vigil.sensors.SensorEvent;
import dev.vigil.sensors.SensorOptions;
import dev.vigil.sensors.SensorRuntime;
import dev.vigil.sensors.SensorStatus;
import dev.vigil.sensors.TraceFilter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code vigil trace [exec|exit|fork|connect|accept|bind|listen|dns|all ...] [--json] [--pid N] [--comm NAME]}:
 * a live stream of events, like execsnoop, tcpconnect and gethostlatency together, in low-latency mode. Runs
 * until Ctrl-C, {@code --duration}, {@code --count}, or until the reader of its output goes away.
 *
 * <p>Nothing is lost silently: events the kernel dropped (ring buffer full) and events the stream could not hold
 * because its output was too slow are counted, and said on stderr while they grow and when the stream ends. The
 * sensors keep no events for tables here (nobody queries them), so memory stays flat under a storm.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Watch processes, sockets and DNS lookups live through eBPF (needs root).")
final class TraceCommand implements java.util.concurrent.Callable<Integer> {
    /**
     * How long an event waits for others that happened before it: each sensor delivers through its own reader,
     * so without it an exec could print after the connect its program made. Short enough to go unnoticed.
     */
    static final Duration ORDER_WINDOW = Duration.ofMillis(50);
    /**
     * The most events waiting to be printed (a second of a storm, ~10 MB); beyond it the output is too slow and
     * events are counted, not held.
     */
    static final int BACKLOG = 10_000;
    private static final long LOSS_REPORT_NANOS = 5_000_000_000L;

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

    /** Why the arguments cannot be used, or null. */
    String invalidArguments() {
        if (pid != null && pid < 1) {
            return "--pid must be a process id (1 or more), not " + pid;
        }
        if (count != null && count < 1) {
            return "--count must be 1 or more, not " + count;
        }
        if (seconds != null && !(seconds > 0 && seconds < 1e9)) {
            return "--duration must be a positive number of seconds, not " + seconds;
        }
        if (comm != null && (comm.isEmpty() || comm.length() > 15)) {
            return "--comm must be a command name of 1 to 15 characters (the kernel's comm), not '" + comm + "'";
        }
        return null;
    }

    @Override
    public Integer call() throws Exception {
        String invalid = invalidArguments();
        if (invalid != null) {
            System.err.println("vigil trace: " + invalid);
            return 2;
        }
        TraceFilter filter;
        try {
            filter = new TraceFilter(new HashSet<>(kinds.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList()), pid, comm);
        } catch (IllegalArgumentException e) {
            System.err.println("vigil trace: " + e.getMessage());
            return 2;
        }
        SensorOptions options = SensorOptions.defaults().withLowLatency(true).withSensors(filter.sensors())
                .withKeepEvents(false);
        try (SensorRuntime sensors = SensorRuntime.start(options, System.err::println)) {
            List<SensorStatus> running = sensors.statuses().stream()
                    .filter(s -> s.state() == SensorStatus.State.RUNNING).toList();
            if (running.isEmpty()) {
                System.err.println("vigil trace: no sensor could start (see above); run as root on a kernel with BPF");
                return 1;
            }
            return stream(sensors, filter, running);
        }
    }

    private int stream(SensorRuntime sensors, TraceFilter filter, List<SensorStatus> running) throws InterruptedException {
        Output out = Output.stdout();
        TimeOrder order = new TimeOrder(ORDER_WINDOW, BACKLOG);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: stop, and let the events already held be printed before the JVM exits
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        Losses losses = new Losses(sensors, order);
        int status = 0;
        try (SensorRuntime.Subscription ignored = sensors.subscribe(event -> {
            if (filter.test(event)) {
                order.offer(event, System.nanoTime());
            }
        })) {
            System.err.println("vigil trace: tracing with " + String.join(", ",
                    running.stream().map(SensorStatus::sensor).toList()) + " (Ctrl-C to stop)");
            if (!json) {
                out.println(EventFormatter.header());
                out.flush();
            }
            long deadline = seconds == null ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
            long printed = 0;
            while (!stop.get() && System.nanoTime() < deadline && (count == null || printed < count)) {
                printed += print(order.due(System.nanoTime()), sensors, out, printed);
                out.flush();
                losses.reportIfGrown(false);
                Thread.sleep(5);
            }
            print(order.drain(), sensors, out, printed);
            out.flush();
        } catch (IOException e) {
            if (Output.isBrokenPipe(e)) {
                status = QueryCommand.BROKEN_PIPE;
            } else {
                System.err.println("vigil trace: writing events failed: " + e.getMessage());
                status = 1;
            }
        } finally {
            losses.reportIfGrown(true);
            finished.countDown();
            if (!stop.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C came just now: the hook is running and waits for us
                }
            }
        }
        return status;
    }

    /** Prints the events up to --count; returns how many. */
    private int print(List<SensorEvent> events, SensorRuntime sensors, Output out, long printedBefore) throws IOException {
        int n = 0;
        for (SensorEvent event : events) {
            if (count != null && printedBefore + n >= count) {
                break;
            }
            SensorEvent complete = sensors.withExecutable(event);
            out.println(json ? EventFormatter.json(complete) : EventFormatter.line(complete));
            n++;
        }
        return n;
    }

    /** What this stream lost, said on stderr when it grew (at most every 5 s) and at the end. */
    private static final class Losses {
        private final SensorRuntime sensors;
        private final TimeOrder order;
        private final AtomicLong reported = new AtomicLong();
        private long lastReport = System.nanoTime();

        Losses(SensorRuntime sensors, TimeOrder order) {
            this.sensors = sensors;
            this.order = order;
        }

        void reportIfGrown(boolean atEnd) {
            long now = System.nanoTime();
            if (!atEnd && now - lastReport < LOSS_REPORT_NANOS) {
                return;
            }
            long kernel = sensors.statuses().stream().mapToLong(SensorStatus::dropped).sum();
            long slow = order.refused();
            long total = kernel + slow;
            if (total > reported.get() || atEnd && total > 0) {
                reported.set(total);
                lastReport = now;
                System.err.println("vigil trace: " + total + " events not printed " + (atEnd ? "in all" : "so far")
                        + ": " + kernel + " dropped in the kernel (ring buffer full), " + slow
                        + " because the output was too slow to keep up");
            }
        }
    }
}
