package dev.vigil.sensors;

import dev.vigil.bpf.BpfException;
import dev.vigil.bpf.FeatureProbe;
import dev.vigil.sensors.process.ProcessEvent;
import dev.vigil.sql.spi.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Starts the sensors ({@link SensorProvider}s found through ServiceLoader) that this host supports, owns them
 * and their event stores, and hands out the event tables:
 *
 * <pre>{@code
 * try (SensorRuntime sensors = SensorRuntime.start(SensorOptions.defaults(), System.err::println)) {
 *     Engine.Builder b = Engine.builder();
 *     sensors.tables().forEach(b::addTable);
 *     ...
 * }
 * }</pre>
 *
 * A sensor the host cannot run (no privileges, a missing kernel feature) or that fails to start is reported once
 * through the warnings callback and in {@code vigil_sensors}; the others run. Live events go to subscribers
 * ({@link #subscribe}). Thread-safe.
 */
public final class SensorRuntime implements AutoCloseable {
    /** Every sensor of this build; those in {@link #started} were started in this runtime. */
    private final List<BpfSensor<?>> sensors = new ArrayList<>();
    private final List<BpfSensor<?>> started = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Consumer<? super SensorEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutableIndex executables = new ExecutableIndex();
    private final SensorOptions options;

    private SensorRuntime(SensorOptions options) {
        this.options = options;
    }

    /**
     * Starts every enabled sensor.
     *
     * @param warnings receives one line per sensor that is not running, saying why
     */
    public static SensorRuntime start(SensorOptions options, Consumer<String> warnings) {
        return start(options, warnings, new FeatureProbe());
    }

    /**
     * The event tables and vigil_sensors with no sensor started, for a one-shot query: the tables exist (so
     * schemas and queries resolve) and are empty.
     */
    public static SensorRuntime idle(SensorOptions options) {
        return create(options, false);
    }

    static SensorRuntime start(SensorOptions options, Consumer<String> warnings, FeatureProbe probe) {
        Objects.requireNonNull(warnings);
        SensorRuntime runtime = create(options, true);
        for (BpfSensor<?> sensor : runtime.started) {
            sensor.start(options, probe, runtime::dispatch);
            SensorStatus status = sensor.status();
            if (status.state() != SensorStatus.State.RUNNING) {
                warnings.accept("vigil: sensor " + status.sensor() + " " + status.state().label() + ": " + status.reason());
            }
        }
        return runtime;
    }

    static final String IDLE_REASON = "not started: one-shot queries do not start the sensors (the interactive shell "
            + "and vigil trace do)";
    static final String DISABLED_REASON = "not started: left out of this run (--without-sensor, or not needed by "
            + "vigil trace's event kinds)";

    /** Every sensor kind with its tables; the enabled sensors are marked to start when {@code withSensors}. */
    private static SensorRuntime create(SensorOptions options, boolean withSensors) {
        SensorRuntime runtime = new SensorRuntime(options);
        List<SensorProvider> providers = new ArrayList<>();
        ServiceLoader.load(SensorProvider.class, SensorRuntime.class.getClassLoader()).forEach(providers::add);
        providers.sort(Comparator.comparing(SensorProvider::name));
        List<EventTable<?>> eventTables = new ArrayList<>();
        for (SensorProvider provider : providers) {
            SensorProvider.Instance instance = provider.create(options, runtime.executables);
            runtime.tables.addAll(instance.tables());
            instance.tables().forEach(t -> {
                if (t instanceof EventTable<?> e) {
                    eventTables.add(e);
                }
            });
            runtime.sensors.add(instance.sensor());
            if (withSensors && options.enabled(provider.name())) {
                runtime.started.add(instance.sensor());
            } else {
                instance.sensor().notStarted(withSensors ? DISABLED_REASON : IDLE_REASON);
            }
        }
        runtime.tables.add(new VigilSensorsTable(runtime::statuses));
        runtime.tables.add(new VigilEventTablesTable(eventTables, options));
        return runtime;
    }

    /** The event tables, vigil_sensors and vigil_event_tables, for the engine. */
    public List<Table> tables() {
        return List.copyOf(tables);
    }

    /** Every sensor of this build, by name: those started with their state and counters, the others stopped. */
    public List<SensorStatus> statuses() {
        List<SensorStatus> all = new ArrayList<>();
        sensors.forEach(sensor -> all.add(sensor.status()));
        all.sort(Comparator.comparing(SensorStatus::sensor));
        return all;
    }

    /**
     * The event with the executable of its process filled in where the sensor could not read it (the process had
     * exited by then), from the exec events the process sensor saw: what the event tables show, for live streams.
     */
    public SensorEvent withExecutable(SensorEvent event) {
        return switch (event) {
            case dev.vigil.sensors.dns.DnsEvent d when d.path() == null -> d.withPath(executables.pathAt(d.pid(), d.monotonicNanos()));
            case dev.vigil.sensors.socket.SocketEvent s when s.path() == null -> s.withPath(executables.pathAt(s.pid(), s.monotonicNanos()));
            default -> event;
        };
    }

    /**
     * Subscribes to live events. The listener runs on a sensor's reader thread, for every event once it is stored:
     * keep it quick; its exceptions are ignored. Close the subscription to stop.
     */
    public Subscription subscribe(Consumer<? super SensorEvent> listener) {
        Objects.requireNonNull(listener);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Low latency wakes the reader for every event (about 30 µs from kernel to listener, at a higher cost per
     * event); otherwise wakeups are batched (delivery within the poll timeout, typically ~12 ms). For live tracing.
     */
    public void setLowLatency(boolean lowLatency) throws BpfException {
        for (BpfSensor<?> sensor : started) {
            sensor.setLowLatency(lowLatency);
        }
    }

    void dispatch(SensorEvent event) {
        if (event instanceof ProcessEvent p && p.type() == ProcessEvent.Kind.EXEC) {
            executables.exec(p.pid(), p.monotonicNanos(), p.image().path());
        }
        for (Consumer<? super SensorEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException ignored) {
                // one listener's failure must not starve the others
            }
        }
    }

    /** A live-event subscription; closing it stops delivery to its listener. Idempotent. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Stops every sensor; the tables keep the events already stored. */
    @Override
    public void close() {
        for (BpfSensor<?> sensor : started) {
            sensor.close();
        }
    }
}
