package dev.vigil.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One map of a {@link BpfObject}; a view whose lifetime is the object's. Lookups and updates go through the
 * kernel (bpf(2) BPF_MAP_LOOKUP_ELEM / BPF_MAP_UPDATE_ELEM) and are safe from any thread while the object is open.
 */
public final class BpfMap {
    /** enum bpf_map_type values (uapi/linux/bpf.h) that callers test for. */
    public static final int TYPE_PERCPU_HASH = 5;
    public static final int TYPE_PERCPU_ARRAY = 6;
    public static final int TYPE_LRU_PERCPU_HASH = 10;
    public static final int TYPE_RINGBUF = 27;

    private static final int ENOENT = Errno.ENOENT;

    private final BpfObject object;
    private final String name;
    private final MemorySegment handle;

    BpfMap(BpfObject object, String name, MemorySegment handle) {
        this.object = object;
        this.name = name;
        this.handle = handle;
    }

    public String name() {
        return name;
    }

    BpfObject object() {
        return object;
    }

    /** The map's file descriptor once loaded (owned by the object; never close it). */
    public int fd() throws BpfException {
        return Libbpf.checked("getting fd of map", name, () -> (int) Libbpf.MAP_FD.invokeExact(handle(object)));
    }

    public int type() {
        return Libbpf.unchecked(() -> (int) Libbpf.MAP_TYPE.invokeExact(handle(object)));
    }

    public int keySize() {
        return Libbpf.unchecked(() -> (int) Libbpf.MAP_KEY_SIZE.invokeExact(handle(object)));
    }

    public int valueSize() {
        return Libbpf.unchecked(() -> (int) Libbpf.MAP_VALUE_SIZE.invokeExact(handle(object)));
    }

    public int maxEntries() {
        return Libbpf.unchecked(() -> (int) Libbpf.MAP_MAX_ENTRIES.invokeExact(handle(object)));
    }

    /** Sets max_entries (for a ring buffer: its size in bytes, a power of two multiple of the page size); before load. */
    public void setMaxEntries(int maxEntries) throws BpfException {
        Libbpf.checked("setting max_entries of map", name,
                () -> (int) Libbpf.MAP_SET_MAX_ENTRIES.invokeExact(handle(object), maxEntries));
    }

    public boolean isPerCpu() {
        int type = type();
        return type == TYPE_PERCPU_ARRAY || type == TYPE_PERCPU_HASH || type == TYPE_LRU_PERCPU_HASH;
    }

    /** The number of values a per-CPU lookup returns: libbpf_num_possible_cpus(). */
    public static int possibleCpus() {
        try {
            int n = (int) Libbpf.NUM_POSSIBLE_CPUS.invokeExact();
            if (n <= 0) {
                throw new IllegalStateException("libbpf_num_possible_cpus: " + Errno.name(-n));
            }
            return n;
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
    }

    /**
     * The value stored under the key, or null if there is none. For per-CPU maps the result holds one value per
     * possible CPU, each padded to 8 bytes; use {@link #lookupPerCpuLongs} for counters.
     */
    public byte[] lookup(byte[] key) throws BpfException {
        int valueSize = isPerCpu() ? roundUp8(valueSize()) * possibleCpus() : valueSize();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment k = call.allocateFrom(ValueLayout.JAVA_BYTE, key);
            MemorySegment v = call.allocate(valueSize, 8);
            int rc = (int) Libbpf.MAP_LOOKUP.invokeExact(handle(object), k, (long) key.length, v, (long) valueSize, 0L);
            if (rc == -ENOENT) {
                return null;
            }
            if (rc < 0) {
                throw new BpfException("looking up in map", name, -rc, null);
            }
            return v.toArray(ValueLayout.JAVA_BYTE);
        } catch (BpfException e) {
            throw e;
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
    }

    /** Per-CPU u64 values under a 32-bit key (per-CPU array counters); zeros if the key is absent. */
    public long[] lookupPerCpuLongs(int key) throws BpfException {
        if (!isPerCpu() || valueSize() != 8) {
            throw new IllegalStateException("map " + name + " is not a per-CPU map of u64 values");
        }
        int cpus = possibleCpus();
        byte[] value = lookup(intKey(key));
        long[] out = new long[cpus];
        if (value != null) {
            MemorySegment s = MemorySegment.ofArray(value);
            for (int i = 0; i < cpus; i++) {
                out[i] = s.get(ValueLayout.JAVA_LONG_UNALIGNED, i * 8L);
            }
        }
        return out;
    }

    /** The sum over CPUs of a per-CPU u64 counter. */
    public long sumPerCpu(int key) throws BpfException {
        long sum = 0;
        for (long v : lookupPerCpuLongs(key)) {
            sum += v;
        }
        return sum;
    }

    /** Inserts or replaces (BPF_ANY) the value under the key. Per-CPU maps take one padded value per CPU. */
    public void update(byte[] key, byte[] value) throws BpfException {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment k = call.allocateFrom(ValueLayout.JAVA_BYTE, key);
            MemorySegment v = call.allocateFrom(ValueLayout.JAVA_BYTE, value);
            int rc = (int) Libbpf.MAP_UPDATE.invokeExact(handle(object), k, (long) key.length, v, (long) value.length, 0L);
            if (rc < 0) {
                throw new BpfException("updating map", name, -rc, null);
            }
        } catch (BpfException e) {
            throw e;
        } catch (Throwable t) {
            throw Libbpf.rethrow(t);
        }
    }

    /** A native-order 32-bit key, as array maps use. */
    public static byte[] intKey(int key) {
        byte[] b = new byte[4];
        MemorySegment.ofArray(b).set(ValueLayout.JAVA_INT_UNALIGNED, 0, key);
        return b;
    }

    private MemorySegment handle(BpfObject owner) {
        owner.handle();
        return handle;
    }

    private static int roundUp8(int n) {
        return (n + 7) & ~7;
    }

    @Override
    public String toString() {
        return "BpfMap[" + name + " in " + object.name() + "]";
    }
}
