package dev.vigil.sql.sqlite;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Downcalls into Debian's libsqlite3.so.0 (3.40 or later: sqlite3_vtab_in needs 3.38). Every handle mirrors the C
 * API of https://sqlite.org/c3ref/funclist.html; callers check return codes. Thread-safety: SQLite is built
 * serialized on Debian; each connection is nevertheless used by one thread at a time.
 */
public final class Sqlite3 {
    public static final int SQLITE_OK = 0;
    public static final int SQLITE_ERROR = 1;
    public static final int SQLITE_INTERRUPT = 9;
    public static final int SQLITE_CONSTRAINT = 19;
    public static final int SQLITE_MISUSE = 21;
    public static final int SQLITE_ROW = 100;
    public static final int SQLITE_DONE = 101;

    public static final int SQLITE_INTEGER = 1;
    public static final int SQLITE_FLOAT = 2;
    public static final int SQLITE_TEXT = 3;
    public static final int SQLITE_BLOB = 4;
    public static final int SQLITE_NULL = 5;

    public static final int SQLITE_UTF8 = 1;
    public static final int SQLITE_DETERMINISTIC = 0x800;
    public static final int SQLITE_OPEN_READWRITE = 0x2;
    public static final int SQLITE_OPEN_CREATE = 0x4;
    public static final int SQLITE_OPEN_MEMORY = 0x80;
    public static final int SQLITE_OPEN_NOMUTEX = 0x8000;
    /** A function with no side effects, usable in views and triggers under an untrusted schema. */
    public static final int SQLITE_INNOCUOUS = 0x200000;
    static final int SQLITE_CONFIG_MEMSTATUS = 9;
    static final int SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER = 1004;
    static final int SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION = 1005;
    static final int SQLITE_DBCONFIG_DEFENSIVE = 1010;
    static final int SQLITE_DBCONFIG_TRUSTED_SCHEMA = 1017;
    static final int SQLITE_LIMIT_ATTACHED = 7;
    static final int SQLITE_VTAB_INNOCUOUS = 2;
    static final int SQLITE_DENY = 1;

    /** SQLITE_TRANSIENT: SQLite copies the value before the call returns. */
    public static final MemorySegment TRANSIENT = MemorySegment.ofAddress(-1L);

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIB = loadLibrary();

    static final MethodHandle config_int = LINKER.downcallHandle(find("sqlite3_config"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(1));
    public static final MethodHandle open_v2 = down("sqlite3_open_v2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
    /** int sqlite3_db_config(sqlite3*, int op, int value, int *result): the on/off options. */
    static final MethodHandle db_config_flag = LINKER.downcallHandle(find("sqlite3_db_config"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), Linker.Option.firstVariadicArg(2));
    static final MethodHandle limit = down("sqlite3_limit", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    static final MethodHandle set_authorizer = down("sqlite3_set_authorizer",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    /** int sqlite3_vtab_config(sqlite3*, int op, ...): called from xConnect. */
    static final MethodHandle vtab_config = LINKER.downcallHandle(find("sqlite3_vtab_config"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.firstVariadicArg(2));
    public static final MethodHandle close_v2 = down("sqlite3_close_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle errmsg = down("sqlite3_errmsg", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static final MethodHandle prepare_v2 = down("sqlite3_prepare_v2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
    public static final MethodHandle step = down("sqlite3_step", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle finalize_ = down("sqlite3_finalize", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle column_count = down("sqlite3_column_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    /** Results are read as sqlite3_value (column_value + value_*), sharing signatures with the vtab path. */
    public static final MethodHandle column_value = down("sqlite3_column_value", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    public static final MethodHandle column_name = down("sqlite3_column_name", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    public static final MethodHandle malloc = down("sqlite3_malloc", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    public static final MethodHandle free = down("sqlite3_free", FunctionDescriptor.ofVoid(ADDRESS));
    public static final MethodHandle create_module_v2 = down("sqlite3_create_module_v2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    public static final MethodHandle declare_vtab = down("sqlite3_declare_vtab", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    public static final MethodHandle vtab_in = down("sqlite3_vtab_in", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    public static final MethodHandle vtab_in_first = down("sqlite3_vtab_in_first", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    public static final MethodHandle vtab_in_next = down("sqlite3_vtab_in_next", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    public static final MethodHandle create_function_v2 = down("sqlite3_create_function_v2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    public static final MethodHandle user_data = down("sqlite3_user_data", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static final MethodHandle value_type = down("sqlite3_value_type", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle value_int64 = down("sqlite3_value_int64", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    public static final MethodHandle value_double = down("sqlite3_value_double", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS));
    public static final MethodHandle value_text = down("sqlite3_value_text", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static final MethodHandle value_blob = down("sqlite3_value_blob", FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static final MethodHandle value_bytes = down("sqlite3_value_bytes", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle result_int64 = down("sqlite3_result_int64", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG));
    public static final MethodHandle result_double = down("sqlite3_result_double", FunctionDescriptor.ofVoid(ADDRESS, JAVA_DOUBLE));
    public static final MethodHandle result_text = down("sqlite3_result_text",
            FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
    public static final MethodHandle result_blob = down("sqlite3_result_blob",
            FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
    public static final MethodHandle result_null = down("sqlite3_result_null", FunctionDescriptor.ofVoid(ADDRESS));

    private Sqlite3() {
    }

    /**
     * Handles needed only on some paths (errors, the shell, --version). Each distinct native signature costs a
     * few milliseconds to link at start-up, so these are linked on first use (holder-class idiom).
     */
    public static final class Rare {
        static final MethodHandle libversion_number = down("sqlite3_libversion_number", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle libversion = down("sqlite3_libversion", FunctionDescriptor.of(ADDRESS));
        static final MethodHandle extended_errcode = down("sqlite3_extended_errcode", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle complete = down("sqlite3_complete", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle interrupt = down("sqlite3_interrupt", FunctionDescriptor.ofVoid(ADDRESS));
        static final MethodHandle result_error = down("sqlite3_result_error",
            FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_INT));

        private Rare() {
        }
    }

    private static SymbolLookup loadLibrary() {
        if (!Sqlite3.class.getModule().isNativeAccessEnabled()) {
            throw new IllegalStateException("Vigil's SQL engine calls libsqlite3 through the FFM API: start java with "
                    + "--enable-native-access=ALL-UNNAMED (the ./vigil launcher does)");
        }
        try {
            return SymbolLookup.libraryLookup("libsqlite3.so.0", Arena.global());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("libsqlite3.so.0 not found: install it with 'apt-get install libsqlite3-0'", e);
        }
    }

    private static MemorySegment find(String name) {
        return LIB.find(name).orElseThrow(() -> new IllegalStateException(
                "libsqlite3 lacks " + name + ": Vigil needs SQLite 3.38 or later"));
    }

    private static MethodHandle down(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(find(name), descriptor);
    }

    /** Copies a NUL-terminated string SQLite returned; null for a NULL pointer. */
    public static String string(MemorySegment pointer) {
        if (pointer.address() == 0) {
            return null;
        }
        return pointer.reinterpret(Integer.MAX_VALUE).getString(0);
    }

    /** A sqlite3_malloc'd, NUL-terminated UTF-8 copy of the text, for fields SQLite frees (zErrMsg, idxStr). */
    public static MemorySegment mallocString(String text) throws Throwable {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MemorySegment p = (MemorySegment) malloc.invokeExact(bytes.length + 1);
        if (p.address() == 0) {
            throw new OutOfMemoryError("sqlite3_malloc(" + (bytes.length + 1) + ")");
        }
        MemorySegment s = p.reinterpret(bytes.length + 1);
        MemorySegment.copy(bytes, 0, s, JAVA_BYTE_LAYOUT, 0, bytes.length);
        s.set(JAVA_BYTE_LAYOUT, bytes.length, (byte) 0);
        return p;
    }

    private static final java.lang.foreign.ValueLayout.OfByte JAVA_BYTE_LAYOUT = java.lang.foreign.ValueLayout.JAVA_BYTE;
}
