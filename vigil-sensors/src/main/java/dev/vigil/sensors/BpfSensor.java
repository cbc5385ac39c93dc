package dev.vigil.sensors;

import dev.vigil.bpf.BpfException;
import dev.vigil.bpf.BpfMap;
import dev.vigil.bpf.BpfObject;
import dev.vigil.bpf.FeatureProbe;
import dev.vigil.bpf.HookKind;
import dev.vigil.bpf.RingBufferReader;
import dev.vigil.bpf.Unsupported;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What every BPF-backed sensor does: open its object (an embedded resource), choose a hook kind with the
 * {@link FeatureProbe} and fall back to the next kind if the kernel refuses one, size the ring buffer, load,
 * write the settings map, attach, and read records on a {@link RingBufferReader} thread, decoding each into an
 * event for the store and the live listeners. Malformed records are counted and skipped.
 *
 * <p>Lifecycle: {@link #start} once, {@link #close} once or more. {@link #status} and {@link #setLowLatency} are
 * thread-safe. {@link #decode} runs on the reader thread only.
 *
 * @param <E> the events this sensor produces
 */
public abstract class BpfSensor<E extends SensorEvent> implements AutoCloseable {
    private static final int COUNTER_SEEN = 0;
    private static final int COUNTER_DROPPED = 1;
    /** struct vigil_config in vigil.bpf.h: __u64 wakeup_bytes; __u32 self_tgid; __u32 pad. */
    private static final int SETTINGS_SIZE = 16;

    private final String name;
    private final EventStores<E> stores;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile SensorStatus.State state = SensorStatus.State.STOPPED;
    private volatile String reason;
    private volatile HookKind hook;
    private BpfObject object;
    private RingBufferReader reader;
    private long seenAtClose;
    private long droppedAtClose;
    private SensorOptions options;
    private Consumer<? super E> listener;

    protected BpfSensor(String name, EventStores<E> stores) {
        this.name = name;
        this.stores = stores;
    }

    public String name() {
        return name;
    }

    /** The events this sensor delivered, one store per kind. */
    public EventStores<E> stores() {
        return stores;
    }

    /** Records why this sensor will not be started in this run (a one-shot query, left out); shown while stopped. */
    public synchronized void notStarted(String why) {
        if (state == SensorStatus.State.STOPPED) {
            reason = why;
        }
    }

    /** The class-path resource holding the compiled object, such as {@code /bpf/process.bpf.o}. */
    protected abstract String objectResource();

    /** The hook kinds this sensor has programs for, best first. */
    protected abstract List<HookKind> hookPreference();

    /** What {@link FeatureProbe#check} tests for a kind (a tracepoint as category/event, a function name). */
    protected abstract String probeTarget(HookKind kind);

    /** Turns autoload on for the programs of this kind and off for the others; before load. */
    protected abstract void selectPrograms(BpfObject object, HookKind kind) throws BpfException;

    /** Attaches the loaded programs of this kind; links belong to the object. */
    protected abstract void attach(BpfObject object, HookKind kind) throws BpfException;

    /**
     * Why this build cannot run the sensor on this machine at all (its program is not built for this architecture),
     * or null. Checked before any hook kind is tried.
     */
    protected String unsupportedBuild() {
        return null;
    }

    /** Called once the sensor runs (under the sensor's lock); for periodic work such as new attachments. */
    protected void started() {
    }

    /** Called before the sensor's object is closed (under the sensor's lock). */
    protected void stopping() {
    }

    /** The loaded object while the sensor runs, else null; use under the sensor's lock (synchronized methods). */
    protected final BpfObject object() {
        return object;
    }

    /** Decodes one record; null to skip it silently. Runs on the reader thread. */
    protected abstract E decode(byte[] record) throws MalformedRecordException;

    /**
     * Starts the sensor; never throws for kernel or privilege problems, which end up in {@link #status()}.
     *
     * @param eventListener receives each stored event on the reader thread; must be quick and not throw
     */
    public final synchronized void start(SensorOptions sensorOptions, FeatureProbe probe, Consumer<? super E> eventListener) {
        if (state != SensorStatus.State.STOPPED) {
            throw new IllegalStateException("sensor " + name + " already started");
        }
        this.options = sensorOptions;
        this.listener = eventListener;
        String notBuilt = unsupportedBuild();
        if (notBuilt != null) {
            state = SensorStatus.State.UNSUPPORTED;
            reason = notBuilt;
            return;
        }
        List<String> unsupported = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (HookKind kind : hookPreference()) {
            Unsupported why = probe.check(kind, probeTarget(kind));
            if (why != null) {
                unsupported.add(why.reason());
                continue;
            }
            try {
                object = load(kind);
                hook = kind;
                state = SensorStatus.State.RUNNING;
                reason = null;
                started();
                return;
            } catch (BpfException | IOException | RuntimeException e) {
                failures.add(kind + ": " + e.getMessage());
            } catch (LinkageError e) {
                // libbpf missing, or the JVM started without --enable-native-access: no hook kind can work.
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failures.add(cause.getMessage());
                break;
            }
        }
        if (failures.isEmpty()) {
            state = SensorStatus.State.UNSUPPORTED;
            reason = String.join("; ", unsupported.stream().distinct().toList());
        } else {
            state = SensorStatus.State.FAILED;
            reason = String.join("; ", failures);
        }
    }

    private BpfObject load(HookKind kind) throws BpfException, IOException {
        BpfObject o = BpfObject.open(name, embeddedObject());
        try {
            selectPrograms(o, kind);
            o.map("events").setMaxEntries(options.ringBufferBytes());
            o.load();
            writeSettings(o, options.lowLatency());
            attach(o, kind);
            reader = RingBufferReader.start(o.map("events"), this::onRecord,
                    new RingBufferReader.Options(options.pollTimeout(), "vigil-sensor-" + name));
            return o;
        } catch (BpfException | RuntimeException e) {
            reader = null;
            o.close();
            throw e;
        }
    }

    /**
     * The compiled program embedded in this module's jar. Read here, in the module that holds it: a named module's
     * resources are its own, and libbpf's binding (another module) could not read them.
     */
    private byte[] embeddedObject() throws IOException {
        try (var in = BpfSensor.class.getResourceAsStream(objectResource())) {
            if (in == null) {
                throw new IOException("BPF object " + objectResource() + " is not in this build (was vigil-sensors built "
                        + "with clang?)");
            }
            return in.readAllBytes();
        }
    }

    private void writeSettings(BpfObject o, boolean lowLatency) throws BpfException {
        ByteBuffer value = ByteBuffer.allocate(SETTINGS_SIZE).order(ByteOrder.nativeOrder());
        value.putLong(0, lowLatency ? 0 : options.wakeupBytes());
        value.putInt(8, options.ignoreSelf() ? (int) ProcessHandle.current().pid() : 0);
        o.map("vigil_settings").update(BpfMap.intKey(0), value.array());
    }

    /** Switches between batched and per-record wakeups while running. */
    public synchronized void setLowLatency(boolean lowLatency) throws BpfException {
        if (object != null) {
            options = options.withLowLatency(lowLatency);
            writeSettings(object, lowLatency);
        }
    }

    private void onRecord(MemorySegment record) {
        E event;
        try {
            event = decode(record.toArray(ValueLayout.JAVA_BYTE));
        } catch (MalformedRecordException | RuntimeException e) {
            malformed.incrementAndGet();
            return;
        }
        if (event == null) {
            return;
        }
        if (options.keepEvents()) {
            stores.add(event);
        }
        delivered.incrementAndGet();
        try {
            listener.accept(event);
        } catch (RuntimeException ignored) {
            // a listener's failure must not stop delivery to the store
        }
    }

    /**
     * The sensor's state and counters. A sensor whose ring-buffer reader stopped on an error is {@code failed}, with
     * that error: its programs may still run, but nothing reaches the tables any more.
     */
    public SensorStatus status() {
        long seen;
        long dropped;
        BpfObject o;
        SensorStatus.State current = state;
        String why = reason;
        synchronized (this) {
            seen = seenAtClose;
            dropped = droppedAtClose;
            o = object;
            if (reader != null && reader.failure() != null && current == SensorStatus.State.RUNNING) {
                current = SensorStatus.State.FAILED;
                why = reader.failure();
            }
            if (o != null) {
                try {
                    BpfMap counters = o.map("counters");
                    seen = counters.sumPerCpu(COUNTER_SEEN);
                    dropped = counters.sumPerCpu(COUNTER_DROPPED);
                } catch (BpfException | RuntimeException e) {
                    // counters unreadable (object closing): report what Java counted
                }
            }
        }
        HookKind h = hook;
        EventStores.Counts counts = stores.counts();
        return new SensorStatus(name, current, why, h == null ? null : h.sectionPrefix(), seen, delivered.get(),
                dropped, malformed.get(), counts.evicted(), counts.expired());
    }

    /** Detaches and frees everything; the store keeps its events. */
    @Override
    public synchronized void close() {
        if (object != null) {
            stopping();
            SensorStatus last = status();
            seenAtClose = last.seen();
            droppedAtClose = last.dropped();
            object.close();
            object = null;
            reader = null;
        }
        if (state == SensorStatus.State.RUNNING) {
            state = SensorStatus.State.STOPPED;
        }
    }
}
