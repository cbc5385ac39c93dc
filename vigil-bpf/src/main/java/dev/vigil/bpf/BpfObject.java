package dev.vigil.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A BPF ELF object opened with libbpf (bpf_object__open_mem), then loaded into the kernel (bpf_object__load).
 * Programs and maps found in it are views owned by this object.
 *
 * <p>Ownership: this object owns the libbpf handle, the memory holding the ELF bytes, and every {@link BpfLink}
 * and {@link RingBufferReader} created from its programs and maps. {@link #close()} tears them down in the order
 * libbpf needs — ring buffers, then links, then the object, then the memory — whether or not their owners closed
 * them first. Not thread-safe: open, configure, load and attach from one thread; {@link #close()} may be called
 * from any thread, once or more.
 */
public final class BpfObject implements AutoCloseable {
    private final String name;
    private final Arena arena;
    private final List<RingBufferReader> readers = new ArrayList<>();
    private final List<BpfLink> links = new ArrayList<>();
    private MemorySegment handle;
    private boolean loaded;

    private BpfObject(String name, Arena arena, MemorySegment handle) {
        this.name = name;
        this.arena = arena;
        this.handle = handle;
    }

    /**
     * Opens (parses, not yet loads) an ELF object from its bytes.
     *
     * @param name the object's name, used in messages and as libbpf's object_name
     * @throws BpfException if libbpf rejects the ELF
     */
    public static BpfObject open(String name, byte[] elf) throws BpfException {
        Objects.requireNonNull(name);
        Libbpf.checkVersion();
        LibbpfLog.install();
        Arena arena = Arena.ofShared();
        boolean ok = false;
        try {
            MemorySegment bytes = arena.allocate(elf.length, 8);
            MemorySegment.copy(elf, 0, bytes, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, elf.length);
            // struct bpf_object_open_opts (libbpf.h): size_t sz at 0, const char *object_name at 8.
            MemorySegment opts = arena.allocate(Libbpf.OPEN_OPTS_SIZE, 8);
            opts.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, Libbpf.OPEN_OPTS_SIZE);
            opts.set(java.lang.foreign.ValueLayout.ADDRESS, Libbpf.OPEN_OPTS_OBJECT_NAME, arena.allocateFrom(name));
            MemorySegment state = arena.allocate(Libbpf.CALL_STATE_SIZE);
            LibbpfLog.clearRecent();
            MemorySegment handle = (MemorySegment) Libbpf.OBJECT_OPEN_MEM.invokeExact(state, bytes, (long) elf.length, opts);
            if (handle.equals(MemorySegment.NULL)) {
                throw new BpfException("opening BPF object", name, Libbpf.errno(state), LibbpfLog.recent());
            }
            ok = true;
            return new BpfObject(name, arena, handle);
        } catch (BpfException e) {
            throw e;
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        } finally {
            if (!ok) {
                arena.close();
            }
        }
    }

    public String name() {
        return name;
    }

    /** The program of this name (the C function's name), before or after loading. */
    public BpfProgram program(String programName) throws BpfException {
        return new BpfProgram(this, programName, find(Libbpf.FIND_PROGRAM, "finding program", programName));
    }

    /** The map of this name, before or after loading. */
    public BpfMap map(String mapName) throws BpfException {
        return new BpfMap(this, mapName, find(Libbpf.FIND_MAP, "finding map", mapName));
    }

    /**
     * Loads every program whose autoload is on, with CO-RE relocations against the running kernel's BTF, and
     * creates the maps. The message of a failure quotes libbpf's last warnings (the verifier's log included).
     */
    public void load() throws BpfException {
        MemorySegment h = handle();
        LibbpfLog.clearRecent();
        int rc;
        try {
            rc = (int) Libbpf.OBJECT_LOAD.invokeExact(h);
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
        if (rc < 0) {
            throw new BpfException("loading BPF object", name, -rc, LibbpfLog.recent());
        }
        loaded = true;
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** Destroys ring buffers, links and the object, in that order; idempotent. */
    @Override
    public void close() {
        List<RingBufferReader> openReaders;
        List<BpfLink> openLinks;
        MemorySegment h;
        synchronized (this) {
            if (handle == null) {
                return;
            }
            h = handle;
            handle = null;
            openReaders = new ArrayList<>(readers);
            openLinks = new ArrayList<>(links);
        }
        for (RingBufferReader reader : openReaders) {
            reader.close();
        }
        for (BpfLink link : openLinks) {
            link.close();
        }
        try {
            Libbpf.OBJECT_CLOSE.invokeExact(h);
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        } finally {
            arena.close();
        }
    }

    synchronized MemorySegment handle() {
        if (handle == null) {
            throw new IllegalStateException("BPF object " + name + " is closed");
        }
        return handle;
    }

    synchronized void register(BpfLink link) {
        links.add(link);
    }

    synchronized void unregister(BpfLink link) {
        links.remove(link);
    }

    synchronized void register(RingBufferReader reader) {
        readers.add(reader);
    }

    synchronized void unregister(RingBufferReader reader) {
        readers.remove(reader);
    }

    private MemorySegment find(java.lang.invoke.MethodHandle finder, String operation, String what) throws BpfException {
        MemorySegment h = handle();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(Libbpf.CALL_STATE_SIZE);
            MemorySegment found = (MemorySegment) finder.invokeExact(state, h, call.allocateFrom(what));
            if (found.equals(MemorySegment.NULL)) {
                throw new BpfException(operation, what + " in " + name, Libbpf.errno(state), null);
            }
            return found;
        } catch (BpfException e) {
            throw e;
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
    }

    @Override
    public String toString() {
        return "BpfObject[" + name + (loaded ? ", loaded" : "") + "]";
    }
}
