package dev.vigil.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a BPF ring buffer map (BPF_MAP_TYPE_RINGBUF) on one dedicated platform thread: ring_buffer__poll with a
 * timeout, then ring_buffer__consume, so records the kernel side chose not to wake us for (BPF_RB_NO_WAKEUP
 * batching) are still delivered within one poll timeout.
 *
 * <p>The handler runs on the reader thread, one record at a time. The record segment is read-only and valid only
 * during the call: copy out what you keep. A handler exception is counted ({@link #handlerFailures()}) and the
 * record skipped; it never reaches libbpf.
 *
 * <p>Owned by its creator, and also by the map's {@link BpfObject}, which closes it first. {@link #close()} stops
 * the thread (after a final consume) and frees the ring buffer; idempotent, from any thread but the handler's.
 */
public final class RingBufferReader implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RingBufferReader.class.getName());
    private static final MethodHandle SAMPLE;

    static {
        try {
            SAMPLE = MethodHandles.lookup().findVirtual(RingBufferReader.class, "sample",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Receives one record; see the class comment for its validity and thread. */
    @FunctionalInterface
    public interface RecordHandler {
        void onRecord(MemorySegment record) throws Exception;
    }

    /**
     * @param pollTimeout the longest a record waits when the kernel side batches wakeups (e.g. 50 ms)
     * @param threadName  the reader thread's name
     */
    public record Options(Duration pollTimeout, String threadName) {
        public Options {
            Objects.requireNonNull(pollTimeout);
            Objects.requireNonNull(threadName);
            if (pollTimeout.isNegative() || pollTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("poll timeout out of range: " + pollTimeout);
            }
        }
    }

    private final BpfObject object;
    private final String mapName;
    private final RecordHandler handler;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment ringBuffer;
    private final int timeoutMillis;
    private final Thread thread;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private volatile boolean running = true;
    private volatile String failure;
    private boolean closed;

    private RingBufferReader(BpfMap map, RecordHandler handler, Options options) throws BpfException {
        this.object = map.object();
        this.mapName = map.name();
        this.handler = handler;
        this.timeoutMillis = (int) options.pollTimeout().toMillis();
        try {
            MemorySegment callback = Linker.nativeLinker().upcallStub(SAMPLE.bindTo(this), Libbpf.SAMPLE_FN, arena);
            MemorySegment state = arena.allocate(Libbpf.CALL_STATE_SIZE);
            LibbpfLog.clearRecent();
            MemorySegment rb = (MemorySegment) Libbpf.RING_BUFFER_NEW.invokeExact(state, map.fd(), callback,
                    MemorySegment.NULL, MemorySegment.NULL);
            if (rb.equals(MemorySegment.NULL)) {
                throw new BpfException("creating ring buffer reader for map", mapName, Libbpf.errno(state), LibbpfLog.recent());
            }
            this.ringBuffer = rb;
        } catch (BpfException e) {
            arena.close();
            throw e;
        } catch (Throwable t) {
            arena.close();
            throw Libbpf.rethrow(t);
        }
        this.thread = Thread.ofPlatform().name(options.threadName()).daemon().unstarted(this::run);
    }

    /** Creates the reader for a loaded ring buffer map and starts its thread. */
    public static RingBufferReader start(BpfMap map, RecordHandler handler, Options options) throws BpfException {
        Objects.requireNonNull(handler);
        RingBufferReader reader = new RingBufferReader(map, handler, options);
        map.object().register(reader);
        reader.thread.start();
        return reader;
    }

    /** Records handed to the handler so far. */
    public long records() {
        return records.get();
    }

    /** Records whose handler threw. */
    public long handlerFailures() {
        return handlerFailures.get();
    }

    /** Why the reader thread stopped on its own (a poll error), or null while it runs normally. */
    public String failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                int rc = (int) Libbpf.RING_BUFFER_POLL.invokeExact(ringBuffer, timeoutMillis);
                if (rc >= 0) {
                    rc = (int) Libbpf.RING_BUFFER_CONSUME.invokeExact(ringBuffer);
                }
                if (rc < 0 && rc != -Errno.EINTR) {
                    failure = "polling ring buffer " + mapName + ": " + Errno.name(-rc);
                    LOG.log(System.Logger.Level.ERROR, failure);
                    return;
                }
            }
            int ignored = (int) Libbpf.RING_BUFFER_CONSUME.invokeExact(ringBuffer);
        } catch (Throwable t) {
            failure = "ring buffer reader " + mapName + " failed: " + t;
            LOG.log(System.Logger.Level.ERROR, failure, t);
        }
    }

    /** The upcall (int ring_buffer_sample_fn(void *ctx, void *data, size_t size)); returns 0 to keep going. */
    private int sample(MemorySegment context, MemorySegment data, long size) {
        try {
            records.incrementAndGet();
            handler.onRecord(data.reinterpret(size).asReadOnly());
        } catch (Throwable t) {
            handlerFailures.incrementAndGet();
        }
        return 0;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        running = false;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            Libbpf.RING_BUFFER_FREE.invokeExact(ringBuffer);
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        } finally {
            arena.close();
            object.unregister(this);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
