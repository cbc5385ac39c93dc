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
    private final List<BpfSensor<?>> sensors = new ArrayList<>();
    /** The sensors of this build not started in this runtime, as vigil_sensors shows them. */
    private final List<SensorStatus> notStarted = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Consumer<? super SensorEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutableIndex executables = new ExecutableIndex();

    private SensorRuntime() {
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
        for (BpfSensor<?> sensor : runtime.sensors) {
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

    /** The tables of every sensor kind, and the enabled sensors (not yet started) when {@code withSensors}. */
    private static SensorRuntime create(SensorOptions options, boolean withSensors) {
        SensorRuntime runtime = new SensorRuntime();
        List<SensorProvider> providers = new ArrayList<>();
        ServiceLoader.load(SensorProvider.class, SensorRuntime.class.getClassLoader()).forEach(providers::add);
        providers.sort(Comparator.comparing(SensorProvider::name));
        for (SensorProvider provider : providers) {
            SensorProvider.Instance instance = provider.create(options, runtime.executables);
            runtime.tables.addAll(instance.tables());
            if (withSensors && options.enabled(provider.name())) {
                runtime.sensors.add(instance.sensor());
            } else {
                runtime.notStarted.add(new SensorStatus(provider.name(), SensorStatus.State.STOPPED,
                        withSensors ? DISABLED_REASON : IDLE_REASON, null, 0, 0, 0, 0));
            }
        }
        runtime.tables.add(new VigilSensorsTable(runtime::statuses));
        return runtime;
    }

    /** The event tables and vigil_sensors, for the engine. Tables of sensors that are not running are empty. */
    public List<Table> tables() {
        return List.copyOf(tables);
    }

    /** Every sensor of this build, by name: those started with their state and counters, the others stopped. */
    public List<SensorStatus> statuses() {
        List<SensorStatus> all = new ArrayList<>(notStarted);
        sensors.forEach(sensor -> all.add(sensor.status()));
        all.sort(Comparator.comparing(SensorStatus::sensor));
        return all;
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
        for (BpfSensor<?> sensor : sensors) {
            sensor.setLowLatency(lowLatency);
        }
    }

    private void dispatch(SensorEvent event) {
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
        for (BpfSensor<?> sensor : sensors) {
            sensor.close();
        }
    }
}
