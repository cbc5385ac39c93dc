package dev.vigil.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Downcall handles into Debian's {@code libbpf.so.1} (libbpf 1.x semantics: pointer-returning functions return
 * NULL and set errno, int-returning ones return a negative errno; see libbpf.h). Functions whose failure is
 * reported through errno are linked with {@link Linker.Option#captureCallState}; read the captured value with
 * {@link #errno(MemorySegment)}.
 *
 * <p>Package-private: callers use {@link BpfObject}, {@link BpfProgram}, {@link BpfMap}, {@link BpfLink} and
 * {@link RingBufferReader}. All handles are thread-safe; the libbpf objects they act on are not.
 */
final class Libbpf {
    /** The oldest libbpf whose API and option-struct layouts this binding was written against. */
    static final int MIN_MAJOR = 1;
    static final int MIN_MINOR = 0;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIB;
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final VarHandle ERRNO_HANDLE = Linker.Option.captureStateLayout()
            .varHandle(MemoryLayout.PathElement.groupElement("errno"));
    static final long CALL_STATE_SIZE = Linker.Option.captureStateLayout().byteSize();

    static {
        if (!Libbpf.class.getModule().isNativeAccessEnabled()) {
            throw new IllegalStateException("vigil-bpf calls libbpf through java.lang.foreign; start the JVM with "
                    + "--enable-native-access=" + (Libbpf.class.getModule().isNamed()
                    ? Libbpf.class.getModule().getName() : "ALL-UNNAMED"));
        }
        try {
            LIB = SymbolLookup.libraryLookup("libbpf.so.1", Arena.global());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("libbpf.so.1 not found: install the libbpf1 package", e);
        }
    }

    // --- version (libbpf.h: libbpf_major_version, libbpf_minor_version) ---
    static final MethodHandle MAJOR_VERSION = plain("libbpf_major_version", FunctionDescriptor.of(JAVA_INT));
    static final MethodHandle MINOR_VERSION = plain("libbpf_minor_version", FunctionDescriptor.of(JAVA_INT));

    // --- logging: libbpf_print_fn_t libbpf_set_print(libbpf_print_fn_t fn) ---
    static final MethodHandle SET_PRINT = plain("libbpf_set_print", FunctionDescriptor.of(ADDRESS, ADDRESS));
    /** int libbpf_print_fn(enum libbpf_print_level level, const char *fmt, va_list args) */
    static final FunctionDescriptor PRINT_FN = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);

    // --- objects ---
    /** struct bpf_object *bpf_object__open_mem(const void *obj_buf, size_t obj_buf_sz, const struct bpf_object_open_opts *opts) */
    static final MethodHandle OBJECT_OPEN_MEM = withErrno("bpf_object__open_mem",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    /** int bpf_object__load(struct bpf_object *obj) */
    static final MethodHandle OBJECT_LOAD = plain("bpf_object__load", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    /** void bpf_object__close(struct bpf_object *obj) */
    static final MethodHandle OBJECT_CLOSE = plain("bpf_object__close", FunctionDescriptor.ofVoid(ADDRESS));
    static final MethodHandle FIND_PROGRAM = withErrno("bpf_object__find_program_by_name",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    static final MethodHandle FIND_MAP = withErrno("bpf_object__find_map_by_name",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));

    // --- programs ---
    static final MethodHandle PROGRAM_SET_AUTOLOAD = plain("bpf_program__set_autoload",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_BOOLEAN));
    /** struct bpf_link *bpf_program__attach(const struct bpf_program *prog): attaches by the ELF section name. */
    static final MethodHandle PROGRAM_FD = plain("bpf_program__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle PROGRAM_SET_EXPECTED_ATTACH_TYPE = plain("bpf_program__set_expected_attach_type",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle PROGRAM_ATTACH = withErrno("bpf_program__attach", FunctionDescriptor.of(ADDRESS, ADDRESS));
    static final MethodHandle ATTACH_TRACEPOINT = withErrno("bpf_program__attach_tracepoint",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    static final MethodHandle ATTACH_RAW_TRACEPOINT = withErrno("bpf_program__attach_raw_tracepoint",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    /** struct bpf_link *bpf_program__attach_kprobe(const struct bpf_program *prog, bool retprobe, const char *func_name) */
    static final MethodHandle ATTACH_KPROBE = withErrno("bpf_program__attach_kprobe",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_BOOLEAN, ADDRESS));
    /**
     * struct bpf_link *bpf_program__attach_uprobe_opts(const struct bpf_program *prog, pid_t pid,
     * const char *binary_path, size_t func_offset, const struct bpf_uprobe_opts *opts)
     */
    static final MethodHandle ATTACH_UPROBE_OPTS = withErrno("bpf_program__attach_uprobe_opts",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));
    /** struct bpf_link *bpf_program__attach_perf_event(const struct bpf_program *prog, int pfd): the link owns pfd. */
    static final MethodHandle ATTACH_PERF_EVENT = withErrno("bpf_program__attach_perf_event",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    static final MethodHandle LINK_DESTROY = plain("bpf_link__destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    // --- maps ---
    static final MethodHandle MAP_FD = plain("bpf_map__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle MAP_KEY_SIZE = plain("bpf_map__key_size", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle MAP_VALUE_SIZE = plain("bpf_map__value_size", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle MAP_MAX_ENTRIES = plain("bpf_map__max_entries", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle MAP_SET_MAX_ENTRIES = plain("bpf_map__set_max_entries",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle MAP_TYPE = plain("bpf_map__type", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    /** int bpf_map__lookup_elem(const struct bpf_map *map, const void *key, size_t key_sz, void *value, size_t value_sz, __u64 flags) */
    static final MethodHandle MAP_LOOKUP = plain("bpf_map__lookup_elem",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG));
    static final MethodHandle MAP_UPDATE = plain("bpf_map__update_elem",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG));
    static final MethodHandle NUM_POSSIBLE_CPUS = plain("libbpf_num_possible_cpus", FunctionDescriptor.of(JAVA_INT));

    // --- ring buffers ---
    /** struct ring_buffer *ring_buffer__new(int map_fd, ring_buffer_sample_fn sample_cb, void *ctx, const struct ring_buffer_opts *opts) */
    static final MethodHandle RING_BUFFER_NEW = withErrno("ring_buffer__new",
            FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    static final MethodHandle RING_BUFFER_POLL = plain("ring_buffer__poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle RING_BUFFER_CONSUME = plain("ring_buffer__consume", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle RING_BUFFER_FREE = plain("ring_buffer__free", FunctionDescriptor.ofVoid(ADDRESS));
    /** int ring_buffer_sample_fn(void *ctx, void *data, size_t size) */
    static final FunctionDescriptor SAMPLE_FN = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG);

    // --- libc, for the print callback: int vsnprintf(char *str, size_t size, const char *format, va_list ap) ---
    static final MethodHandle VSNPRINTF = LINKER.downcallHandle(LINKER.defaultLookup().find("vsnprintf").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));

    /**
     * long syscall(long number, ...) (syscall(2)) for perf_event_open(2): (struct perf_event_attr *attr, pid_t pid,
     * int cpu, int group_fd, unsigned long flags).
     */
    static final MethodHandle SYSCALL_PERF_EVENT_OPEN = LINKER.downcallHandle(
            LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), ERRNO);
    /** long syscall(long number, ...) (syscall(2)) for bpf(2): (int cmd, union bpf_attr *attr, unsigned int size). */
    static final MethodHandle SYSCALL_BPF = LINKER.downcallHandle(
            LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT),
            Linker.Option.firstVariadicArg(1), ERRNO);
    /** int close(int fd) (close(2)) */
    static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    /** Option-struct sizes of libbpf 1.1's libbpf.h (checked against the installed headers by a test). */
    static final long OPEN_OPTS_SIZE = 80;
    static final long OPEN_OPTS_OBJECT_NAME = 8;
    static final long UPROBE_OPTS_SIZE = 40;
    static final long UPROBE_OPTS_RETPROBE = 24;
    static final long UPROBE_OPTS_FUNC_NAME = 32;

    private Libbpf() {
    }

    /** Ensures libbpf is at least {@link #MIN_MAJOR}.{@link #MIN_MINOR}; returns its version as "major.minor". */
    static String checkVersion() {
        int major;
        int minor;
        try {
            major = (int) MAJOR_VERSION.invokeExact();
            minor = (int) MINOR_VERSION.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("reading libbpf's version", t);
        }
        if (major < MIN_MAJOR || major == MIN_MAJOR && minor < MIN_MINOR) {
            throw new IllegalStateException("libbpf " + major + "." + minor + " is too old; Vigil needs "
                    + MIN_MAJOR + "." + MIN_MINOR + " or newer");
        }
        return major + "." + minor;
    }

    static int errno(MemorySegment callState) {
        return (int) ERRNO_HANDLE.get(callState, 0L);
    }

    static String string(MemorySegment cString) {
        return cString.equals(MemorySegment.NULL) ? null : cString.reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** A downcall returning an int. */
    interface IntCall {
        int call() throws Throwable;
    }

    /**
     * Runs a libbpf call that returns a negative errno on failure, such as {@code bpf_program__set_autoload}.
     *
     * @throws BpfException naming the operation and its subject, with the errno
     */
    static int checked(String operation, String subject, IntCall c) throws BpfException {
        int rc = unchecked(c);
        if (rc < 0) {
            throw new BpfException(operation, subject, -rc, null);
        }
        return rc;
    }

    /** Runs a libbpf call that cannot fail, such as a getter. */
    static int unchecked(IntCall c) {
        try {
            return c.call();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Rethrows what a downcall handle threw: handles declare Throwable but only fail on linkage or argument bugs. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    private static MethodHandle plain(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor);
    }

    private static MethodHandle withErrno(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor, ERRNO);
    }

    private static MemorySegment symbol(String name) {
        return LIB.find(name).orElseThrow(() -> new IllegalStateException("libbpf.so.1 lacks " + name));
    }
}
